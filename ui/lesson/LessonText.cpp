#include "ui/lesson/LessonText.h"

#include <QCoreApplication>

#include <map>

namespace stepwise::ui::lessontext {

namespace {

QString t(const char* text) {
    return QCoreApplication::translate("Lesson", text);
}

// A displayed formula: centred, a little larger, in italics where the maths is.
QString formula(const QString& f) {
    return QStringLiteral("<p align=\"center\" style=\"font-size:large\">%1</p>").arg(f);
}

struct TaskWords {
    const char* text;
    const char* hint;
};

const std::map<std::string, TaskWords>& taskWords() {
    static const std::map<std::string, TaskWords> words = {
        {"ch1.always-on",
         {QT_TRANSLATE_NOOP("Lesson", "Make the neuron answer 1 for every x on the graph."),
          QT_TRANSLATE_NOOP("Lesson",
                            "Drag w1 to 0: the input stops counting and only the bias is left. "
                            "Which sign of b1 makes the sum at least 0?")}},
        {"ch1.always-off",
         {QT_TRANSLATE_NOOP("Lesson", "Now make it answer 0 everywhere."),
          QT_TRANSLATE_NOOP("Lesson", "Keep w1 at 0 and give b1 a value below zero.")}},
        {"ch2.place-step",
         {QT_TRANSLATE_NOOP("Lesson", "Move the step to x = 0.5."),
          QT_TRANSLATE_NOOP("Lesson",
                            "The step sits at x = −b/w. With w1 = 4 you need b1 = −2. Or drag "
                            "the blue triangle under the step along the axis to 0.5.")}},
        {"ch2.flip",
         {QT_TRANSLATE_NOOP("Lesson", "Make the step face the other way: high on the left, low "
                                      "on the right, and still on the graph."),
          QT_TRANSLATE_NOOP("Lesson", "Drag w1 below zero. If the step slides off the graph, "
                                      "bring it back with b1.")}},
        {"ch3.only-first",
         {QT_TRANSLATE_NOOP("Lesson", "Let only neuron 1 through: (w11, w21) = (1, 0)."),
          QT_TRANSLATE_NOOP("Lesson",
                            "Set w21 to 0. Neuron 2's curve lies down flat on the axis.")}},
        {"ch3.only-second",
         {QT_TRANSLATE_NOOP("Lesson", "Now only neuron 2: (w11, w21) = (0, 1)."),
          QT_TRANSLATE_NOOP("Lesson", "w11 = 0 silences neuron 1; w21 = 1 passes neuron 2 "
                                      "through unchanged.")}},
        {"ch3.move-second",
         {QT_TRANSLATE_NOOP("Lesson", "Move neuron 2's step to x = 0."),
          QT_TRANSLATE_NOOP("Lesson", "Neuron 2 is a neuron like the one in chapter 2: it "
                                      "steps at x = −b2/w2. With w2 = 4, set b2 = 0.")}},
        {"ch4.add",
         {QT_TRANSLATE_NOOP("Lesson", "Add the two steps: (w11, w21) = (1, 1)."),
          QT_TRANSLATE_NOOP("Lesson", "Set w21 to 1. The output climbs 0, then 1, then 2: a "
                                      "staircase.")}},
        {"ch4.invert-second",
         {QT_TRANSLATE_NOOP("Lesson", "Turn neuron 2 upside down: (1, −1)."),
          QT_TRANSLATE_NOOP("Lesson", "w21 = −1 subtracts neuron 2. What is left is 1 only "
                                      "between the two steps.")}},
        {"ch4.invert-first",
         {QT_TRANSLATE_NOOP("Lesson", "Turn neuron 1 upside down instead: (−1, 1)."),
          QT_TRANSLATE_NOOP("Lesson", "Now neuron 1 is subtracted: the output dips to −1 "
                                      "between the steps.")}},
        {"ch4.scale",
         {QT_TRANSLATE_NOOP("Lesson", "Make both steps half as tall: (0.5, 0.5)."),
          QT_TRANSLATE_NOOP("Lesson", "A weight stretches its neuron's graph: 0.5 squeezes "
                                      "each step to half its height.")}},
        {"ch5.sketch",
         {QT_TRANSLATE_NOOP("Lesson", "Sketch your guess across the graph, from left to right."),
          QT_TRANSLATE_NOOP("Lesson",
                            "Go region by region. Left of both steps neither neuron fires. "
                            "Between them only neuron 1 does. Right of both, both do.")}},
        {"ch5.reveal",
         {QT_TRANSLATE_NOOP("Lesson", "Reveal the answer and read your score."),
          QT_TRANSLATE_NOOP("Lesson", "Press Reveal (R).")}},
        {"ch5.good-guess",
         {QT_TRANSLATE_NOOP("Lesson", "Score 80 or more."),
          QT_TRANSLATE_NOOP("Lesson", "Left: 0. Middle: 1.5 × 1 = 1.5. Right: 1.5 × 1 − 0.5 "
                                      "× 1 = 1. Press Try again and draw those three "
                                      "levels.")}},
        {"ch6.bump",
         {QT_TRANSLATE_NOOP("Lesson", "Build a bump out of the two steps."),
          QT_TRANSLATE_NOOP("Lesson", "Keep both steps rising and set (w11, w21) = (1, −1): "
                                      "up at the first step, back down at the second.")}},
        {"ch6.approximate",
         {QT_TRANSLATE_NOOP("Lesson", "With at most 4 neurons, bring the loss below 0.015 on "
                                      "the grey target."),
          QT_TRANSLATE_NOOP("Lesson",
                            "Set the hidden neurons to 4 and stack two bumps: a wide one (steps "
                            "near x = ±0.5) for the shoulders and a narrow one (near ±0.25) for "
                            "the peak. Network ▸ Fit the output layer (Ctrl+L) then finds the "
                            "best output weights for the steps you placed.")}},
        {"ch6.many",
         {QT_TRANSLATE_NOOP("Lesson", "Press Add a neuron until there are 12 or more, and "
                                      "watch the loss fall below 0.005."),
          QT_TRANSLATE_NOOP("Lesson", "Each press puts a new step in the middle of the widest "
                                      "gap and picks the best output weights. More, narrower "
                                      "steps follow the curve more closely.")}},
        {"ch7.draw",
         {QT_TRANSLATE_NOOP("Lesson", "Draw a target curve on the graph."),
          QT_TRANSLATE_NOOP("Lesson", "Press D (draw) and drag across the graph; a grey band "
                                      "follows your pen. Any preset in the Target menu works "
                                      "too.")}},
        {"ch7.train",
         {QT_TRANSLATE_NOOP("Lesson", "Train until the network explains 95 % of the target's "
                                      "ups and downs."),
          QT_TRANSLATE_NOOP("Lesson", "Press Play (Ctrl+Space) in the Training tab. If it "
                                      "stalls, add neurons or pick the Adam optimizer.")}},
        {"ch8.sigmoid",
         {QT_TRANSLATE_NOOP("Lesson", "Switch the activation to Sigmoid and watch the slope "
                                      "that reaches the hidden layer."),
          QT_TRANSLATE_NOOP("Lesson", "The Activation box is at the top of the Weights tab.")}},
        {"ch8.steep",
         {QT_TRANSLATE_NOOP("Lesson", "Turn the steepness k up to 30 or more: the sigmoid "
                                      "turns into a step."),
          QT_TRANSLATE_NOOP("Lesson", "Drag the Steepness slider to the right, or type 30.")}},
        {"ch8.gentle",
         {QT_TRANSLATE_NOOP("Lesson", "Turn k down to 2 or less: the steps melt into gentle "
                                      "ramps."),
          QT_TRANSLATE_NOOP("Lesson", "Drag the Steepness slider to the left, or type 2.")}},
    };
    return words;
}

} // namespace

QString chapterTitle(int index) {
    switch (index) {
    case 0:
        return t("The neuron");
    case 1:
        return t("A neuron is a graph");
    case 2:
        return t("Two neurons and an output neuron");
    case 3:
        return t("Superposition");
    case 4:
        return t("Exercise: predict the graph");
    case 5:
        return t("Many neurons can draw anything");
    case 6:
        return t("Backpropagation");
    case 7:
        return t("Why smooth activations");
    }
    return {};
}

QString chapterBody(int index) {
    switch (index) {
    case 0:
        return t("<p>A neuron reads its input <i>x</i>, multiplies it by a <b>weight</b> "
                 "<i>w</i> and adds a <b>bias</b> <i>b</i>. The bias is simply one more "
                 "weight, on an input that is always 1:</p>") +
               formula("<i>z</i> = <i>w</i>·<i>x</i> + <i>b</i>·1") +
               t("<p>Then the neuron passes the sum through its <b>activation</b> <i>g</i>. "
                 "Here <i>g</i> is a step: the answer is 1 when <i>z</i> ≥ 0 and 0 "
                 "otherwise.</p>") +
               formula("<i>y</i> = <i>g</i>(<i>z</i>)") +
               t("<p>The weight says how much the input matters. The bias says how eager the "
                 "neuron is to fire, whatever the input.</p>");
    case 1:
        return t("<p>Instead of one answer at a time, look at all of them: for every "
                 "<i>x</i>, plot what the neuron says. That graph <i>is</i> the neuron.</p>") +
               formula("<i>y</i> = <i>g</i>(<i>w</i>·<i>x</i> + <i>b</i>)") +
               t("<p>With a step activation the graph is one step. It sits where the sum is "
                 "exactly zero, <i>w</i>·<i>x</i> + <i>b</i> = 0:</p>") +
               formula("<i>x</i> = −<i>b</i> / <i>w</i>") +
               t("<p>The sign of <i>w</i> decides which way the step faces: up for "
                 "<i>w</i> &gt; 0, down for <i>w</i> &lt; 0.</p>");
    case 2:
        return t("<p>Take two step neurons, <i>n</i><sub>1</sub> and <i>n</i><sub>2</sub>, "
                 "both reading the same <i>x</i>. A third neuron, the <b>output neuron</b>, "
                 "reads their answers, weighs them with its own weights <b>w11</b> (from "
                 "neuron 1) and <b>w21</b> (from neuron 2), and adds them up:</p>") +
               formula("<i>y</i> = w11·<i>n</i><sub>1</sub>(<i>x</i>) + "
                       "w21·<i>n</i><sub>2</sub>(<i>x</i>) + <i>c</i>") +
               t("<p>The output neuron has no step of its own: it only adds. On the graph, "
                 "each thin coloured curve is one neuron's share, the bold curve is the "
                 "sum.</p>");
    case 3:
        return t("<p>Since the output neuron only adds, the output graph is the "
                 "<b>superposition</b> of the neurons' graphs, each stretched by its "
                 "weight:</p><ul>"
                 "<li>(1, 1) stacks the two steps into a staircase;</li>"
                 "<li>a weight of −1 turns its neuron's graph upside down before adding "
                 "it;</li>"
                 "<li>any other weight scales its graph: 0.5 halves it, 2 doubles it.</li>"
                 "</ul><p>The steps stay where they are in this chapter; only w11 and w21 "
                 "move.</p>");
    case 4:
        return t("<p>Your turn to predict. The steps are where they were: neuron 1 at "
                 "<i>x</i> = −0.5, neuron 2 at <i>x</i> = 0.5. Now</p>") +
               formula("(w11, w21) = (1.5, −0.5)") +
               t("<p>What does the output look like? The answer is hidden. Draw your guess "
                 "across the graph (<b>Sketch</b>, G), then press <b>Reveal</b> (R). The "
                 "score compares the two curves: 100 is a perfect trace.</p>");
    case 5:
        return t("<p>A rising step plus a falling step make a <b>bump</b>: up at one "
                 "<i>x</i>, down again at another. Bumps can go anywhere, as wide and as tall "
                 "as you like, and side by side their sum can follow a curve.</p>"
                 "<p>With more neurons, the bumps get narrower and the fit gets closer. That "
                 "is the <b>universal approximation theorem</b>: one hidden layer with enough "
                 "neurons and a non-linear activation can come as close as you want to any "
                 "continuous function.</p>");
    case 6:
        return t("<p>Placing steps by hand works for two neurons, not for a hundred. "
                 "<b>Backpropagation</b> lets the network find its weights itself:</p><ol>"
                 "<li>measure how wrong the output is: the <b>loss</b>, the mean squared "
                 "distance to the target;</li>"
                 "<li>work out, for every weight and bias, which way to move to shrink the "
                 "loss: the <b>gradient</b>;</li>"
                 "<li>take a small step that way, and repeat thousands of times.</li></ol>") +
               formula("θ ← θ − η·∂<i>L</i>/∂θ") +
               t("<p>The arrows beside the sliders show the gradient: where each weight wants "
                 "to go.</p>");
    case 7:
        return t("<p>Backpropagation moves each weight by the slope of the loss. For a "
                 "hidden weight that slope goes through the activation's own slope "
                 "<i>g</i>′(<i>z</i>):</p>") +
               formula("∂<i>L</i>/∂<i>w</i><sub><i>j</i></sub> = Σ "
                       "∂<i>L</i>/∂<i>y</i> · <i>v</i><sub><i>j</i></sub> · "
                       "<i>g</i>′(<i>z</i><sub><i>j</i></sub>) · <i>x</i>") +
               t("<p>A step is flat everywhere except at its jump, so <i>g</i>′ = 0 and "
                 "nothing reaches the hidden layer: its weights never learn. (The Training "
                 "tab gets round this for steps by borrowing a sigmoid's slope.)</p>"
                 "<p>The sigmoid σ(<i>k</i>·<i>z</i>) is a smooth step whose slope is never "
                 "zero. The larger the steepness <i>k</i>, the more it looks like a step: a "
                 "steep sigmoid is a step you can differentiate.</p>");
    }
    return {};
}

QString taskText(const std::string& id) {
    const auto it = taskWords().find(id);
    return it == taskWords().end() ? QString::fromStdString(id) : t(it->second.text);
}

QString taskHint(const std::string& id) {
    const auto it = taskWords().find(id);
    return it == taskWords().end() ? QString() : t(it->second.hint);
}

} // namespace stepwise::ui::lessontext
