// The document's edits that are undo steps (the ones not covered by the views' own tests).
#include "core/network/Network.h"
#include "core/scenario/Presets.h"
#include "ui/document/Document.h"

#include <gtest/gtest.h>

#include <limits>

using namespace stepwise;

// Issue 13: setDomain said it was an undo step and was not.
TEST(Document, SetDomainIsOneUndoStep) {
    ui::Document doc;
    Scenario s = defaultScenario();
    s.target.preset = TargetPreset::Sine;
    doc.replaceScenario(s);
    const Domain before = doc.scenario().domain;
    const Eigen::ArrayXd samplesBefore = doc.targetSamples();

    Domain d = before;
    d.samples = before.samples * 2 + 1;
    d.lo = -2.0;
    int targetChanges = 0;
    QObject::connect(&doc, &ui::Document::targetChanged, [&] { ++targetChanges; });
    doc.setDomain(d);
    EXPECT_EQ(doc.scenario().domain, d);
    EXPECT_EQ(doc.x().size(), d.samples);
    EXPECT_EQ(doc.x()[0], -2.0);
    EXPECT_EQ(doc.targetSamples().size(), d.samples);
    EXPECT_EQ(targetChanges, 1);
    EXPECT_EQ(doc.undoStack()->count(), 1);
    EXPECT_FALSE(doc.undoStack()->isClean());

    doc.undoStack()->undo();
    EXPECT_EQ(doc.scenario().domain, before);
    EXPECT_EQ(doc.x().size(), before.samples);
    EXPECT_TRUE((doc.targetSamples() == samplesBefore).all()) << "the target is sampled as before";
    EXPECT_TRUE(doc.undoStack()->isClean());
    doc.undoStack()->redo();
    EXPECT_EQ(doc.scenario().domain, d);
}

TEST(Document, SetDomainRefusesAnEmptyOrUnboundedDomain) {
    ui::Document doc;
    doc.replaceScenario(defaultScenario());
    const Domain before = doc.scenario().domain;
    for (Domain d : {Domain{1.0, 1.0, 100}, Domain{1.0, -1.0, 100},
                     Domain{-1.0, std::numeric_limits<double>::infinity(), 100},
                     Domain{-1.0, 1.0, 1}, Domain{-1.0, 1.0, kMaxSamples + 1}}) {
        doc.setDomain(d);
        EXPECT_EQ(doc.scenario().domain, before) << d.lo << " " << d.hi << " " << d.samples;
    }
    EXPECT_EQ(doc.undoStack()->count(), 0);
    doc.setDomain(before);
    EXPECT_EQ(doc.undoStack()->count(), 0) << "no change, no step";
}
