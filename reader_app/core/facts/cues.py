"""Hand-kept word lists: titles, organisation heads, demonyms, function words and more.

They are features of the name tagger (``ner_features``) and serve the rules kept beside it
(``entities``, ``tagger``); the large lexicons (places, given names, surnames) are built from
open data by ``build_lexicons`` and live in ``data/``.
"""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    """The whitespace-separated words of ``text``."""
    return frozenset(text.split())

#: A firm's legal form after its name, in lowercase without its full stop ("Co., Inc.").
LEGAL_FORMS = ("inc", "incorporated", "co", "corp", "corporation", "ltd", "limited", "llc",
               "llp", "plc", "gmbh")


def legal_form(word: str) -> bool:
    """Whether ``word`` alone is a firm's legal form ("Inc.", "LLC"), as a list may set it
    apart from the name ("Jazzercise, Inc.")."""
    return word.rstrip(".").lower() in LEGAL_FORMS

# Courtesy titles: the capitalised word after them is a person's name.
HONORIFICS = words(
    "mr mr. mrs mrs. ms ms. miss dr dr. prof prof. sir dame lord lady mx"
)

# Office titles written before a name ("President Joe Biden", "Prime Minister Keir Starmer").
TITLES = words(
    """president vice-president premier chancellor minister secretary senator sen sen.
    rep rep. representative congressman congresswoman governor gov gov. mayor judge justice
    general gen gen. colonel col col. major lieutenant lt lt. captain capt capt. sergeant
    sgt admiral commander marshal pope king queen prince princess emperor sheikh ayatollah
    cardinal archbishop bishop rabbi imam reverend rev rev. father sister brother
    professor inspector detective officer constable superintendent chief ambassador
    commissioner councillor councilor alderman speaker leader chairman chairwoman chair
    coach manager striker midfielder defender goalkeeper forward batsman bowler
    spokesman spokeswoman spokesperson director executive founder owner editor
    correspondent reporter presenter author novelist singer actor actress artist
    economist analyst scientist researcher lawyer attorney prosecutor doctor nurse
    player teammate chancellor-elect president-elect mp mep minister-president"""
)

# Titles of rulers, which the corpora leave out of a name as they leave the titles above
# ("Tsar Alexander" is "Alexander"); no features of the model.
RULERS = words("tsar czar tsarina sultan emir pharaoh empress")

# Role nouns written in lowercase before a name ("bassist Tim Commerford", "Dominican priest
# Heinrich Kramer"); with the titles above they cue a person the model left untagged. They are
# no features of the model.
ROLE_NOUNS = words(
    """priest monk nun pastor bassist guitarist drummer pianist violinist cellist composer
    conductor songwriter rapper comedian filmmaker screenwriter playwright poet painter
    sculptor photographer architect designer engineer historian philosopher journalist
    physicist chemist biologist mathematician astronomer astronaut pilot soldier diplomat
    envoy activist campaigner politician businessman businesswoman entrepreneur banker
    investor surgeon physician psychologist sociologist footballer cyclist athlete boxer
    sprinter swimmer skier jockey golfer dancer producer teacher student chef broadcaster
    columnist blogger commentator inventor explorer missionary lecturer academic curator
    historian biographer translator publisher entertainer musician vocalist frontman host
    anchor narrator writer youtuber influencer streamer podcaster"""
)

# Words that make a capitalised span an organisation when they end (or head) it.
ORG_HEADS = words(
    """ministry department council agency institute institution university college school
    office times press post herald tribune journal gazette guardian telegraph mirror
    express chronicle observer independent news newspaper magazine review broadcasting
    party bank inc inc. ltd ltd. plc corp corp. corporation company co co. group holdings
    fc united city association commission committee police army navy forces force
    guard guards brigade battalion regiment corps service services authority board
    trust foundation fund federation union league club society court parliament
    congress senate assembly cabinet government administration bureau centre center
    hospital hospitals clinic museum gallery library academy airlines airways railway
    railways motors energy technologies systems labs laboratories capital partners
    network networks media studios records pictures entertainment insurance securities
    exchange organisation organization alliance coalition movement front brigades
    commandos church mosque synod diocese coalition tribunal inquiry network
    industries pharmaceuticals oil petroleum gas airport port authority theatre theater
    opera orchestra philharmonic ballet band consortium confederation panel grid survey
    rovers rangers wanderers athletic albion town hotspur villa scouts guides restaurant
    cafe café bar brewery bakery kitchen grill lounge pub hotel shop store boutique salon
    bros bros. partnership partnerships engineering construction builders contractors"""
)

# Words that end the name of a geographic feature or a site ("Hyde Park", "Kursk Oblast").
PLACE_HEADS = words(
    """island islands isle river lake lakes mountain mountains mount valley bay gulf sea
    ocean strait peninsula desert forest hills hill heights county province region
    oblast district borough parish territory street road avenue square lane bridge
    park gardens beach coast canal reservoir airport harbour harbor port dock
    docks village quay wharf marina glacier creek falls springs ridge row way"""
)

# Words that end the names of places, of buildings and of prizes named for a person but not
# of people ("Abbey Meadows", "Quay Lane", "McKinley St.", "Hilton Sorrento Palace", "Elliott
# Cresson Medal"; not "Hall", "Temple", "Castle", "Tower", "Lodge": surnames), and words that
# open the names of storms and events ("Storm Dennis"): no person ends or opens so.
NOT_PERSON_ENDS = PLACE_HEADS | words(
    "meadow meadows fields moor moors heath mews crescent shelf glacier ice "
    "st. st ave. ave rd. rd blvd. blvd ln. pkwy. pkwy hwy. hwy "
    "hotel palace museum gallery cathedral abbey resort theatre theater stadium hospital "
    "clinic library chapel mosque synagogue inn suites "
    "medal prize award awards trophy cup lecture lectures fellowship scholarship memorial"
)
NOT_PERSON_OPENS = words("storm hurricane typhoon cyclone operation project")
# Words that end a product's name, never a person's ("Emma Hybrid", "Galaxy Ultra").
PRODUCT_ENDS = words("Pro Max Ultra Plus Mini Elite Luxe Hybrid Edition Series Lite")
# Acronyms of things, ideas, roles, degrees and clothing sizes, never an organisation or a person by
# themselves ("UX", "SaaS", "CEO", "MBA", a thread's "OP"): of their 398 uses in the nine
# annotated corpora, three stand alone as an organisation and two as a person ("OP").
# Those that also name a body ("IRA", "CMS", "CCTV", "CPC") are not here; one that names a
# place ("AR") stays a place.
TERM_ACRONYMS = words(
    "AI ML LLM NLP API SDK UI UX GUI CLI IDE OS CPU GPU RAM ROM SSD HDD USB HDMI LED LCD OLED "
    "HD UHD HDR VPN WAN DNS HTTP HTTPS URL HTML CSS JSON XML SQL NoSQL PHP PDF CSV QR NFC "
    "RFID GPS IoT AR VR XR SaaS PaaS IaaS CRM ERP CDN SEO SEM SERP PPC CTR ROI KPI ROAS B2B "
    "B2C DIY FAQ ETL SDLC DOM MVP POS SMS MMS OTP MFA 2FA SSO SSL TLS HVAC EV SSID DSLR NFT CEO "
    "CFO CTO COO CMO CISO VP HR IT USD GDP CPI APR APY ETF IPO SSN EIN KYC FSA HSA PPE PTO "
    "DEI ESG GHG HIIT ADHD PTSD OCD CBT COPD IBS MBA PhD PMP CFA CISSP CAPM GDPR HIPAA TV DJ "
    "LLC LLP RAID NAS NAT DHCP TCP UDP VM ECG EKG MRI EUV OP XS XXS XL XXL XXXL"
)

# Organisations also written in a short form ("the Fed").
ORG_ALIASES = {"Fed": "Federal Reserve", "Nato": "NATO", "Nasa": "NASA"}

# Well-known organisations written as a single word or acronym.
KNOWN_ORGS = words(
    """UN NATO EU NHS BBC CNN ITV FBI CIA NSA MI5 MI6 IMF WHO WTO OECD OPEC IAEA UNESCO
    UNICEF UNHCR ICC ICJ IDF IRA ANC SNP DUP UKIP GCHQ FIFA UEFA IOC NASA ESA NOAA CDC
    FDA SEC FTC EPA ECB BoE Ofcom Ofsted Ofgem Ofwat Reuters AFP Bloomberg Kremlin
    Pentagon Hamas Hezbollah Taliban Wagner Interpol Europol Frontex Labour Google Apple
    Microsoft Amazon Meta Facebook
    Twitter Tesla Netflix Nvidia Intel Samsung Toyota Volkswagen Shell BP Unilever
    Barclays HSBC Lloyds NatWest Santander Vodafone Airbus Boeing Ryanair easyJet
    OpenAI Anthropic Huawei Alibaba Tencent Gazprom Rosneft Aramco Nissan Honda
    Siemens Spotify Uber Airbnb PayPal Mastercard Pfizer Moderna AstraZeneca
    Novartis Roche GSK Tesco Asda Waitrose Aldi Lidl Primark Reddit TikTok
    YouTube Instagram WhatsApp Ukrenergo Naftogaz Rosatom Roscosmos Eurostat
    Unison Greenpeace Oxfam KPMG Deloitte PwC McKinsey Telegram Senate Congress
    Parliament Commons Nato Nasa Fed Arsenal Tottenham Juventus NFL NBA MLB NHL ATP WTA
    Xinhua Kyodo Yonhap TASS Interfax ANSA Haaretz Spiegel"""
)

# Well-known organisations whose names hold no organisation head.
KNOWN_ORG_NAMES = frozenset(
    {
        "United Nations",
        "White House",
        "House of Commons",
        "House of Lords",
        "House of Representatives",
        "Downing Street",
        "Red Cross",
        "Red Crescent",
        "Amnesty International",
        "Human Rights Watch",
        "Doctors Without Borders",
        "Medecins Sans Frontieres",
        "Médecins Sans Frontières",
        "Associated Press",
        "Financial Times",
        "Wall Street Journal",
        "New York Times",
        "Washington Post",
        "Sky News",
        "Al Jazeera",
        "European Union",
        "Premier League",
        "Champions League",
        "Met Office",
        "Scotland Yard",
        "Goldman Sachs",
        "Morgan Stanley",
        "JP Morgan",
        "Deutsche Bank",
        "Rolls-Royce",
        "Network Rail",
        "Royal Mail",
        "Thames Water",
        "Federal Reserve",
        "Fox News",
        "Fox Business",
        "Friends of the Earth",
        "Eli Lilly",
        "Plaid Cymru",
        "Sinn Féin",
        "Sinn Fein",
        "Reform UK",
        "Liberal Democrats",
        "Lib Dems",
        "Fianna Fáil",
        "Fine Gael",
        "Likud",
        # Newspapers and news agencies named with their own language's article or words
        "Le Monde",
        "Le Figaro",
        "Le Parisien",
        "Les Echos",
        "Le Soir",
        "El País",
        "El Mundo",
        "La Vanguardia",
        "La Nación",
        "La Repubblica",
        "La Stampa",
        "Der Spiegel",
        "Die Zeit",
        "Die Welt",
        "Süddeutsche Zeitung",
        "Frankfurter Allgemeine Zeitung",
        "Neue Zürcher Zeitung",
        "De Telegraaf",
        "De Volkskrant",
        "Asahi Shimbun",
        "Yomiuri Shimbun",
        "Mainichi Shimbun",
        "Deutsche Welle",
        "Agence France-Presse",
        "Kyodo News",
        "Novaya Gazeta",
        "Ukrainska Pravda",
        "Kyiv Independent",
        "South China Morning Post",
        "Sydney Morning Herald",
        "Globe and Mail",
    }
)

# Demonyms and nationality adjectives: never places by themselves.
DEMONYMS = words(
    """Afghan Afghans Albanian Albanians Algerian Algerians American Americans Andorran
    Angolan Angolans Argentine Argentinian Argentinians Armenian Armenians Australian
    Australians Austrian Austrians Azerbaijani Azerbaijanis Azeri Bahraini Bangladeshi
    Bangladeshis Belarusian Belarusians Belgian Belgians Bolivian Bosnian Bosnians
    Brazilian Brazilians British Briton Britons Bulgarian Bulgarians Burmese Cambodian
    Cameroonian Canadian Canadians Chadian Chilean Chileans Chinese Colombian Colombians
    Congolese Croatian Croatians Croat Croats Cuban Cubans Cypriot Cypriots Czech Czechs
    Danish Dane Danes Dutch Ecuadorian Egyptian Egyptians Emirati Emiratis English
    Eritrean Eritreans Estonian Estonians Ethiopian Ethiopians European Europeans Filipino
    Filipinos Finnish Finn Finns French Frenchman Frenchwoman Georgian Georgians German
    Germans Ghanaian Ghanaians Greek Greeks Guatemalan Haitian Haitians Honduran Hungarian
    Hungarians Icelandic Icelander Indian Indians Indonesian Indonesians Iranian Iranians
    Iraqi Iraqis Irish Israeli Israelis Italian Italians Ivorian Jamaican Jamaicans
    Japanese Jordanian Jordanians Kazakh Kazakhs Kenyan Kenyans Korean Koreans Kosovan
    Kosovar Kurdish Kurd Kurds Kuwaiti Kyrgyz Lao Latvian Latvians Lebanese Liberian Libyan
    Libyans Lithuanian Lithuanians Luxembourgish Macedonian Malagasy Malawian Malaysian
    Malaysians Maldivian Malian Maltese Mauritanian Mexican Mexicans Moldovan Moldovans
    Mongolian Montenegrin Moroccan Moroccans Mozambican Namibian Nepalese Nepali New
    Nicaraguan Nigerian Nigerians Nigerien Norwegian Norwegians Omani Pakistani Pakistanis
    Palestinian Palestinians Panamanian Paraguayan Persian Peruvian Peruvians Polish Pole
    Poles Portuguese Qatari Romanian Romanians Russian Russians Rwandan Rwandans Saudi
    Saudis Scottish Scot Scots Senegalese Serbian Serbians Serb Serbs Sierra Singaporean
    Slovak Slovaks Slovakian Slovenian Slovene Somali Somalis African Africans Asian Asians
    Spanish Spaniard Spaniards Sri Sudanese Swedish Swede Swedes Swiss Syrian Syrians
    Taiwanese Tajik Tanzanian Thai Tibetan Tunisian Turkish Turk Turks Turkmen Ugandan
    Ugandans Ukrainian Ukrainians Uruguayan Uzbek Venezuelan Venezuelans Vietnamese Welsh
    Yemeni Yemenis Zambian Zimbabwean Zimbabweans Arab Arabs Arabic Western Eastern
    Northern Southern Soviet Nordic Scandinavian Balkan Baltic Caribbean Latin Hispanic
    Muslim Muslims Christian Christians Jewish Jews Hindu Hindus Sikh Sikhs Buddhist
    Catholic Catholics Protestant Sunni Shia Shiite Yazidi Rohingya Uyghur Uighur Tamil
    Sikh Pashtun Hutu Tutsi Maori Aboriginal Celtic Gaelic Latino Latina Londoner
    Londoners Parisian Muscovite Texan Texans Californian Californians Floridian
    Kyivan Crimean Tatar Tatars Chechen Chechens Dagestani Cossack"""
)

# Words that may open a capitalised run without belonging to the name after them:
# articles, pronouns, prepositions, conjunctions, sentence adverbs, days and months.
FUNCTION_WORDS = words(
    """a an the this that these those there here it its he she they we i you his her their
    our my your him them us me who whom whose which what when where why how whether and or
    but nor so yet for of to in on at by from with without within into onto upon about
    above across after against along amid among around as before behind below beneath
    beside besides between beyond despite during except inside near off over past since
    through throughout till toward towards under underneath unlike until up via if unless
    although though because while whereas once then than also however meanwhile moreover
    furthermore nevertheless nonetheless instead otherwise still therefore thus indeed
    perhaps maybe already again ever never always often sometimes now today tonight
    yesterday tomorrow later earlier soon recently currently finally last next every all
    both either neither some any many much more most few several such only just even not
    no yes monday tuesday wednesday thursday friday saturday sunday january february march
    april may june july august september october november december"""
)

# Capitalised words that are never a name by themselves: the function words plus common
# nouns, page furniture and headline words.
COMMON_WORDS = FUNCTION_WORDS | words(
    """first second third new old other another each same own one two three four five six
    seven eight nine ten eleven twelve hundred thousand million billion jan feb mar apr jun
    jul aug sep sept oct nov dec spring summer autumn winter christmas easter subscribe
    subscription subscribers premium sign log login register read watch listen share follow
    comment comments advertisement sponsored related more latest top breaking live update
    updated updates exclusive analysis opinion editorial video photo photos image images
    gallery podcast newsletter home news sport sports business politics world culture
    lifestyle travel science health tech technology weather menu search close skip continue
    click view download contact about privacy cookies terms help please thank thanks hello
    dear okay ok north south east west northern southern eastern western central said says
    say told tells asked added according can could will would shall should might must do
    does did done be is are was were been being have has had having get got make made go
    went come came take took see saw know knew think thought want wanted need needed use
    used find found give gave day days week weeks month months year years time people man
    men woman women officials authorities troops war attack attacks strike strikes report
    reports study data figures chart table source sources note notes photograph getty
    shutterstock alamy independent plus pro free online digital print edition chapter
    section part page figure appendix introduction conclusion summary name"""
)

# Verbs of speech: "X said", "said X", "X told".
SPEECH_VERBS = words(
    """said says told tells added adds explained explains noted notes warned warns insisted
    insists argued argues claimed claims stated states wrote writes admitted admits
    announced announces recalled recalls suggested suggests acknowledged acknowledges
    confirmed confirms denied denies replied replies urged urges asked asks"""
)

# Prepositions that introduce a place ("in Kharkiv", "near Bakhmut").
PLACE_PREPOSITIONS = words(
    """in near outside across from to toward towards around throughout into at inside
    within via between"""
)

# Lowercase words before a name that make it a person ("her sister Maria Lopez").
PERSON_NOUNS = words(
    """sister brother mother father son daughter wife husband partner friend colleague
    uncle aunt cousin grandmother grandfather widow boyfriend girlfriend fiancé fiancee
    neighbour neighbor resident victim survivor witness counterpart"""
)

# Given names common in the news that the US Census lists lack (added to the built lexicon).
EXTRA_GIVEN_NAMES = words(
    """keir rishi liz boris nigel theresa gordon tony ed yvette angela olaf friedrich annalena
    emmanuel marine jean pierre jacques francois françois nicolas ségolène giorgia matteo
    sergio mario silvio pedro santiago javier jose josé luis luiz inacio inácio jair
    andres andrés claudia gustavo nayib volodymyr vladimir dmitry dmitri sergei sergey
    alexei alexey aleksandr alexander yevgeny yevgeniy mikhail boris ihor igor oleh oleg
    andrii andriy denys olena oleksandr oleksii oleksiy vitali vitaliy yulia viktor petro
    vasyl mykola mykhailo taras kyrylo valerii valery ruslan serhiy serhii yuriy yuri
    maria anna olga natalia tatiana svetlana irina ekaterina ksenia
    xi li wang zhang liu chen yang zhao huang zhou wu qiang yi
    kim moon yoon shinzo fumio shigeru yoshihide narendra rahul sonia amit arvind mamata
    imran nawaz shehbaz benazir bilawal asim hasina muhammad mohammed mohammad
    mohamed ahmed ahmad ali hassan hussein hossein abbas abdel abdul abdullah abdulaziz
    recep tayyip bashar hafez salman tamim khalifa mahmoud ismail yahya benjamin
    naftali yair yoav isaac itamar bezalel ebrahim masoud ruhollah
    cyril jacob thabo nelson bola muhammadu goodluck william uhuru raila yoweri paul kagame
    abiy isaias ursula charles rishi sadiq andy anas priti suella kemi jeremy gareth rhys
    dafydd iwan siobhan niamh aoife saoirse ciaran ciarán sinead sinéad micheal micheál
    leo enda mary-lou sean seán eamon eamonn fergus hamish alasdair angus morag ewan euan
    humza nicola anas jeremy wes yvette rachel bridget lisa shabana lammy darren
    indhu rufus damon adrian kamala jerome janet chuck mitch rand shalanda hakeem nancy
    alexandria ilhan rashida pete gavin ron greg kathy gretchen josh jd tulsi marco
    antony lloyd pete kristi kash tulsi elon jeff sundar satya tim mark sam jensen
    lionel cristiano kylian erling jude harry bukayo declan marcus pep jurgen jürgen
    mikel arne ange unai thomas gareth emma sebastian lewis max charles lando carlos
    novak rafael roger andy iga aryna coco jannik carlos"""
)

# The title and honorific words without their full stops ("Dr", "President"), and the
# demonyms in lowercase, as the rules compare them.
TITLE_WORDS = frozenset(w.rstrip(".") for w in TITLES | HONORIFICS)
DEMONYM_WORDS = frozenset(d.lower() for d in DEMONYMS)
