"""Claims: who said what. The one annotation pass per article version (sentences, clause
attributions, claims), disputes between claims, and the claim ledger kept with each snapshot.
"""
