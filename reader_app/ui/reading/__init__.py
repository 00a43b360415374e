"""The article on screen: rendering, highlights, images, find, links."""
