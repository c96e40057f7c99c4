// LessonText: every word the lesson shows — chapter titles, chapter texts (rich text), task
// texts and hints — looked up by the ids of core/Lesson, and translatable (context "Lesson").
#pragma once

#include <QString>

#include <string>

namespace stepwise::ui::lessontext {

QString chapterTitle(int index); // "The neuron"
QString chapterBody(int index);  // rich text (HTML subset) under the title
QString taskText(const std::string& id);
QString taskHint(const std::string& id);

} // namespace stepwise::ui::lessontext
