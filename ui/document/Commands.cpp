#include "ui/document/Commands.h"

#include "ui/document/Document.h"

#include <QCoreApplication>

namespace stepwise::ui {

SetParamCommand::SetParamCommand(Document* doc, ParamId id, double before, double after, int serial)
    : doc_(doc), param_(id), before_(before), after_(after), serial_(serial) {
    setText(QCoreApplication::translate("Commands", "Change %1")
                .arg(QString::fromStdString(paramName(id, doc->network().hidden()))));
}

void SetParamCommand::undo() {
    doc_->applyParam(param_, before_);
}
void SetParamCommand::redo() {
    doc_->applyParam(param_, after_);
}

bool SetParamCommand::mergeWith(const QUndoCommand* other) {
    const auto* o = static_cast<const SetParamCommand*>(other);
    if (o->param_ != param_ || o->serial_ != serial_) return false;
    after_ = o->after_;
    return true;
}

SetNetworkCommand::SetNetworkCommand(Document* doc, Network before, Network after,
                                     const QString& text, bool trainingRun)
    : doc_(doc), before_(std::move(before)), after_(std::move(after)), trainingRun_(trainingRun) {
    structural_ = before_.hidden() != after_.hidden() || !(before_.activation == after_.activation);
    setText(text);
}

void SetNetworkCommand::undo() {
    doc_->applyNetwork(before_, structural_);
    if (trainingRun_) doc_->announceTrainingRunUndone();
}
void SetNetworkCommand::redo() {
    doc_->applyNetwork(after_, structural_);
}

SetTargetCommand::SetTargetCommand(Document* doc, TargetCurve before, TargetCurve after,
                                   const QString& text, int serial)
    : doc_(doc), before_(std::move(before)), after_(std::move(after)), serial_(serial) {
    setText(text);
}

bool SetTargetCommand::mergeWith(const QUndoCommand* other) {
    const auto* o = static_cast<const SetTargetCommand*>(other);
    if (serial_ < 0 || o->serial_ != serial_) return false;
    after_ = o->after_;
    return true;
}

void SetTargetCommand::undo() {
    doc_->applyTarget(before_);
}
void SetTargetCommand::redo() {
    doc_->applyTarget(after_);
}

namespace {
bool sameShape(const std::optional<LayeredNetwork>& a, const std::optional<LayeredNetwork>& b) {
    if (a.has_value() != b.has_value()) return false;
    return !a || (a->inputs == b->inputs && a->shape() == b->shape());
}
} // namespace

SetModelCommand::SetModelCommand(Document* doc, Network beforeNet,
                                 std::optional<LayeredNetwork> beforeLayered, Network afterNet,
                                 std::optional<LayeredNetwork> afterLayered, const QString& text,
                                 bool trainingRun)
    : doc_(doc), beforeNet_(std::move(beforeNet)), afterNet_(std::move(afterNet)),
      beforeLayered_(std::move(beforeLayered)), afterLayered_(std::move(afterLayered)),
      trainingRun_(trainingRun) {
    structural_ = !sameShape(beforeLayered_, afterLayered_) ||
                  beforeNet_.hidden() != afterNet_.hidden() ||
                  !(beforeNet_.activation == afterNet_.activation);
    setText(text);
}

void SetModelCommand::undo() {
    doc_->applyModel(beforeNet_, beforeLayered_, structural_);
    if (trainingRun_) doc_->announceTrainingRunUndone();
}
void SetModelCommand::redo() {
    doc_->applyModel(afterNet_, afterLayered_, structural_);
}

SetLayeredParamCommand::SetLayeredParamCommand(Document* doc, long index, double before,
                                               double after, int serial)
    : doc_(doc), index_(index), before_(before), after_(after), serial_(serial) {
    setText(QCoreApplication::translate("Commands", "Change a weight"));
}

void SetLayeredParamCommand::undo() {
    doc_->applyLayeredParam(index_, before_);
}
void SetLayeredParamCommand::redo() {
    doc_->applyLayeredParam(index_, after_);
}

bool SetLayeredParamCommand::mergeWith(const QUndoCommand* other) {
    const auto* o = static_cast<const SetLayeredParamCommand*>(other);
    if (o->index_ != index_ || o->serial_ != serial_) return false;
    after_ = o->after_;
    return true;
}

SetSurfaceCommand::SetSurfaceCommand(Document* doc, std::optional<TargetSurface> before,
                                     std::optional<TargetSurface> after, const QString& text)
    : doc_(doc), before_(std::move(before)), after_(std::move(after)) {
    setText(text);
}

void SetSurfaceCommand::undo() {
    doc_->applySurface(before_);
}
void SetSurfaceCommand::redo() {
    doc_->applySurface(after_);
}

SetDomainCommand::SetDomainCommand(Document* doc, Domain before, Domain after, const QString& text)
    : doc_(doc), before_(before), after_(after) {
    setText(text);
}

void SetDomainCommand::undo() {
    doc_->applyDomain(before_);
}
void SetDomainCommand::redo() {
    doc_->applyDomain(after_);
}

SetTrainingSettingsCommand::SetTrainingSettingsCommand(Document* doc, TrainSettings before,
                                                       TrainSettings after, const QString& text)
    : doc_(doc), before_(before), after_(after) {
    setText(text);
}

void SetTrainingSettingsCommand::undo() {
    doc_->applyTrainingSettings(before_);
}
void SetTrainingSettingsCommand::redo() {
    doc_->applyTrainingSettings(after_);
}

} // namespace stepwise::ui
