"""Articles: corpus files read into `Article`s, and their sentences and chunks with exact offsets.
"""
