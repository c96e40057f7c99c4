// Commands: the undoable edits of a Document. A parameter edit merges with the next one while
// the same drag is open, so one slider drag is one undo step (as KDE Step's CommandEditProperty).
#pragma once

#include "core/network/Network.h"
#include "core/scenario/Scenario.h"
#include "core/scenario/TargetCurve.h"

#include <QUndoCommand>

#include <optional>

namespace stepwise::ui {

class Document;

class SetParamCommand : public QUndoCommand {
public:
    SetParamCommand(Document* doc, ParamId id, double before, double after, int serial);
    void undo() override;
    void redo() override;
    int id() const override { return 1; }
    bool mergeWith(const QUndoCommand* other) override;

private:
    Document* doc_;
    ParamId param_;
    double before_, after_;
    int serial_;
};

class SetNetworkCommand : public QUndoCommand {
public:
    // A training run (trainingRun) tells the document when it is undone: what training showed
    // about it (steps, loss curve, warnings) no longer describes the network on screen.
    SetNetworkCommand(Document* doc, Network before, Network after, const QString& text,
                      bool trainingRun = false);
    void undo() override;
    void redo() override;

private:
    Document* doc_;
    Network before_, after_;
    bool structural_;
    bool trainingRun_;
};

// A serial ≥ 0 merges with the next target edit of the same serial (one point's drag).
class SetTargetCommand : public QUndoCommand {
public:
    SetTargetCommand(Document* doc, TargetCurve before, TargetCurve after, const QString& text,
                     int serial = -1);
    void undo() override;
    void redo() override;
    int id() const override { return 2; }
    bool mergeWith(const QUndoCommand* other) override;

private:
    Document* doc_;
    TargetCurve before_, after_;
    int serial_;
};

// Replaces the whole network: the lesson's one-layer network and the layered one (either way
// between them, or a new shape). Structural when the kind or the shape changes.
class SetModelCommand : public QUndoCommand {
public:
    SetModelCommand(Document* doc, Network beforeNet, std::optional<LayeredNetwork> beforeLayered,
                    Network afterNet, std::optional<LayeredNetwork> afterLayered,
                    const QString& text, bool trainingRun = false);
    void undo() override;
    void redo() override;

private:
    Document* doc_;
    Network beforeNet_, afterNet_;
    std::optional<LayeredNetwork> beforeLayered_, afterLayered_;
    bool structural_;
    bool trainingRun_;
};

// One parameter of the layered network (flat index); merges as SetParamCommand does.
class SetLayeredParamCommand : public QUndoCommand {
public:
    SetLayeredParamCommand(Document* doc, long index, double before, double after, int serial);
    void undo() override;
    void redo() override;
    int id() const override { return 3; }
    bool mergeWith(const QUndoCommand* other) override;

private:
    Document* doc_;
    long index_;
    double before_, after_;
    int serial_;
};

class SetSurfaceCommand : public QUndoCommand {
public:
    SetSurfaceCommand(Document* doc, std::optional<TargetSurface> before,
                      std::optional<TargetSurface> after, const QString& text);
    void undo() override;
    void redo() override;

private:
    Document* doc_;
    std::optional<TargetSurface> before_, after_;
};

class SetDomainCommand : public QUndoCommand {
public:
    SetDomainCommand(Document* doc, Domain before, Domain after, const QString& text);
    void undo() override;
    void redo() override;

private:
    Document* doc_;
    Domain before_, after_;
};

class SetTrainingSettingsCommand : public QUndoCommand {
public:
    SetTrainingSettingsCommand(Document* doc, TrainSettings before, TrainSettings after,
                               const QString& text);
    void undo() override;
    void redo() override;

private:
    Document* doc_;
    TrainSettings before_, after_;
};

} // namespace stepwise::ui
