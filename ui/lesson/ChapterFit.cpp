#include "ui/lesson/ChapterFit.h"

#include "core/lesson/Lesson.h"
#include "ui/lesson/LessonText.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace stepwise::ui {

namespace {

// What a chapter is written for.
QString wantedWords(LessonNetworkKind k) {
    switch (k) {
    case LessonNetworkKind::Lesson:
        return ChapterFit::tr("the lesson's network (one input, one hidden layer)");
    case LessonNetworkKind::Deep:
        return ChapterFit::tr("a deeper network of one input");
    case LessonNetworkKind::Plane:
        return ChapterFit::tr("a network of two inputs");
    }
    return {};
}

// What the network here is.
QString hereWords(LessonNetworkKind k) {
    switch (k) {
    case LessonNetworkKind::Lesson:
        return ChapterFit::tr("is the lesson's");
    case LessonNetworkKind::Deep:
        // (A layered network of one hidden layer may compute what the lesson's could: it is
        // named for where it is shown, not claimed to be more.)
        return ChapterFit::tr("is a layered network of one input, shown in the layered views");
    case LessonNetworkKind::Plane:
        return ChapterFit::tr("has two inputs");
    }
    return {};
}

} // namespace

ChapterFit::ChapterFit(QWidget* parent) : QFrame(parent) {
    setObjectName("lessonChapterFit");
    setFrameShape(QFrame::StyledPanel);
    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(6, 4, 6, 4);
    text_ = new QLabel(this);
    text_->setObjectName("lessonChapterFitText");
    text_->setWordWrap(true);
    go_ = new QPushButton(this);
    go_->setObjectName("lessonChapterFitGo");
    go_->setAccessibleName(tr("The chapter for this network"));
    go_->setToolTip(tr("Sets up that chapter's own network and target (one undo step)"));
    row->addWidget(text_, 1);
    row->addWidget(go_, 0, Qt::AlignVCenter);
    connect(go_, &QPushButton::clicked, this, [this] {
        if (offered_ >= 0) emit goTo(offered_);
    });
    hide();
}

QString ChapterFit::text() const {
    return isHidden() ? QString() : text_->text();
}

void ChapterFit::update(const Scenario& s, int chapter) {
    const std::vector<LessonChapter>& all = lessonChapters();
    if (chapter < 0 || chapter >= static_cast<int>(all.size())) {
        offered_ = -1;
        hide();
        return;
    }
    const LessonNetworkKind here = networkKindOf(s);
    const LessonNetworkKind wanted = networkKindOf(all[static_cast<std::size_t>(chapter)]);
    if (here == wanted) {
        offered_ = -1;
        hide();
        return;
    }
    QString line = tr("This chapter is written for %1; the network here %2.")
                       .arg(wantedWords(wanted), hereWords(here));
    if (here == LessonNetworkKind::Lesson) {
        // The lesson's network fits the early chapters; this one needs its own.
        offered_ = chapter;
        go_->setText(tr("Set up this chapter"));
    } else {
        offered_ = firstChapterFor(here);
        line += QLatin1Char(' ') + tr("Chapter %1, “%2”, is written for it.")
                                       .arg(offered_ + 1)
                                       .arg(lessontext::chapterTitle(offered_));
        go_->setText(tr("Go to chapter %1").arg(offered_ + 1));
    }
    text_->setText(line);
    go_->setAccessibleDescription(line);
    show();
}

} // namespace stepwise::ui
