"""Analyze stage: sentences, entities, dates, places, numbers, quotes, people and casualties.

`wirecheck.analyze.analyzer.Analyzer` runs one spaCy pass per article and every extractor
over that Doc; each extractor module (`dates`, `places`, `numbers`, `casualties`, `people`,
`quotes`) works on a Doc whose character offsets index the stored article text.
"""
