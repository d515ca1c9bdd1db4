#!/usr/bin/python3
"""Trains the classifier on every tuning document with the settings cv.py chose, and writes the
model (quantised, .ftz) and its settings beside it. Reproducible: one thread and a fixed seed
give the same model bytes for the same labels and documents.

Usage: train.py SETTINGS.json MODEL.ftz
"""
import json, sys

import cv
import data as D


def main():
    settings_path, model_path = sys.argv[1:3]
    settings = json.load(open(settings_path))
    docs = [{"units": D.labelled_units(path, labels)}
            for path, labels in sorted(D.gold_spans().items())]
    model = cv.train(docs, settings["setting"])
    model.quantize(input=None, qnorm=True, retrain=False, cutoff=0, thread=1)
    model.save_model(model_path)


if __name__ == "__main__":
    main()
