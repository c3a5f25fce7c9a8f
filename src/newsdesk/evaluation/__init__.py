"""Evaluation: eval sets and the contract's metrics, running a set through the chain, floors,
baselines and the chart, and claim extraction scored against hand labels.
"""
