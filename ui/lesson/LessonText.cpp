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
        {"ch3.lift",
         {QT_TRANSLATE_NOOP("Lesson", "Lift the whole output by 0.5 with the output neuron's "
                                      "bias: c = 0.5."),
          QT_TRANSLATE_NOOP("Lesson", "c is added after the weighted sum, whatever x is: every "
                                      "point of the bold curve moves up by the same amount.")}},
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
         {QT_TRANSLATE_NOOP("Lesson", "Press Add a neuron until there are 12 or more and the "
                                      "loss is below 0.005."),
          QT_TRANSLATE_NOOP("Lesson", "Each press adds one step where the output is furthest "
                                      "from the target and refits the output weights, keeping "
                                      "the refit only when it lowers the loss: the loss never "
                                      "goes up. More, narrower steps follow the curve more "
                                      "closely.")}},
        {"ch6.epsilon",
         {QT_TRANSLATE_NOOP("Lesson", "With at most 6 neurons, bring every point within "
                                      "ε = 0.15 of the target: the worst distance below 0.15."),
          QT_TRANSLATE_NOOP("Lesson",
                            "Set the hidden neurons to 6. Cut the target's height into four equal "
                            "bands; put a rising step where the curve climbs into each of the "
                            "upper three bands and a falling one where it leaves it; then Fit the "
                            "output layer (Ctrl+L). The worst distance is below the loss.")}},
        {"ch7.draw",
         {QT_TRANSLATE_NOOP("Lesson", "Draw a target curve on the graph."),
          QT_TRANSLATE_NOOP("Lesson", "Press D (draw) and drag across the graph; a grey band "
                                      "follows your pen. Any preset in the Target menu works "
                                      "too.")}},
        {"ch7.diverge",
         {QT_TRANSLATE_NOOP("Lesson", "Make training diverge on purpose, and read what "
                                      "Stepwise says."),
          QT_TRANSLATE_NOOP("Lesson", "In the Training tab choose Gradient descent, set the "
                                      "learning rate η to 100 and press Play. Each step "
                                      "overshoots the valley by more than the last.")}},
        {"ch7.fast",
         {QT_TRANSLATE_NOOP("Lesson", "Find a learning rate that brings the loss below a "
                                      "tenth of the target's variance within 2,000 steps of "
                                      "one run."),
          QT_TRANSLATE_NOOP("Lesson", "Undo back to the chapter's network (or press Restart "
                                      "chapter), set η and press Play; the step counter starts "
                                      "again at 0. Too small an η crawls, too large a one "
                                      "bounces around.")}},
        {"ch7.train",
         {QT_TRANSLATE_NOOP("Lesson", "Train until the loss is at most 5 % of the target's "
                                      "variance: the network explains 95 % of its ups and "
                                      "downs."),
          QT_TRANSLATE_NOOP("Lesson", "Press Play (Ctrl+Space) in the Training tab. If it "
                                      "stalls, add neurons or pick the Adam optimizer.")}},
        {"ch8.predict",
         {QT_TRANSLATE_NOOP("Lesson", "Pick a sample and, before the walk gets there, predict "
                                      "the sign of ∂L/∂w11 with + or −."),
          QT_TRANSLATE_NOOP("Lesson", "∂L/∂w11 = ∂L/∂y · a₁, and a₁ ≥ 0 for a ReLU. So the "
                                      "sign is the sign of y − t: is the output above or below "
                                      "the target at your sample? Pick a sample where neuron "
                                      "1 is on (x > −0.3), or the answer is 0.")}},
        {"ch8.backward",
         {QT_TRANSLATE_NOOP("Lesson", "Walk a whole backward pass, from ∂L/∂y to the last "
                                      "hidden bias."),
          QT_TRANSLATE_NOOP("Lesson", "Press → or Space until the caption reaches ∂L/∂b of the "
                                      "last neuron.")}},
        {"ch8.no-flow",
         {QT_TRANSLATE_NOOP("Lesson", "Find a sample where nothing reaches the hidden layer. "
                                      "Why does nothing get through?"),
          QT_TRANSLATE_NOOP("Lesson", "Left of x = −0.3 both ramps are off: z < 0, so "
                                      "g′(z) = 0 and every δ is 0, whatever the error. (A "
                                      "sample where the output meets the target exactly would "
                                      "stop it too: there ∂L/∂y = 0.)")}},
        {"ch9.sigmoid",
         {QT_TRANSLATE_NOOP("Lesson", "Switch the activation to Sigmoid and watch the slope "
                                      "that reaches the hidden layer."),
          QT_TRANSLATE_NOOP("Lesson", "The Activation box is at the top of the Weights tab.")}},
        {"ch9.steep",
         {QT_TRANSLATE_NOOP("Lesson", "Turn the steepness k up to 30 or more: the sigmoid "
                                      "turns into a step."),
          QT_TRANSLATE_NOOP("Lesson", "Drag the Steepness slider to the right, or type 30.")}},
        {"ch9.gentle",
         {QT_TRANSLATE_NOOP("Lesson", "Turn k down to 2 or less: the steps melt into gentle "
                                      "ramps."),
          QT_TRANSLATE_NOOP("Lesson", "Drag the Steepness slider to the left, or type 2.")}},
        {"ch10.fold",
         {QT_TRANSLATE_NOOP("Lesson", "With at most two neurons in each layer, give the output "
                                      "4 or more straight pieces."),
          QT_TRANSLATE_NOOP("Lesson", "Make layer 2 fold like layer 1 does: from each neuron of "
                                      "layer 1, weights −2 into its first neuron and 2 into its "
                                      "second; biases 1 and −1; output weights −2 and −2, and "
                                      "c = 1.")}},
        {"ch10.eight",
         {QT_TRANSLATE_NOOP("Lesson", "Reach 8 or more pieces with at most 6 hidden neurons. "
                                      "One hidden layer cannot: 6 neurons bend it at most 6 "
                                      "times, 7 pieces."),
          QT_TRANSLATE_NOOP("Lesson", "Add a third layer of two ReLU neurons and give it the "
                                      "same weights and biases as layer 2.")}},
        {"ch11.ridge1",
         {QT_TRANSLATE_NOOP("Lesson", "Make a ridge from neurons 1 and 2: weight them into "
                                      "layer 2 so that their sum is high on a band of x₁ and low "
                                      "on both sides."),
          QT_TRANSLATE_NOOP("Lesson", "Weight 1 from neuron 1 and −1 from neuron 2: between "
                                      "their switching points only neuron 1 is on.")}},
        {"ch11.ridge2",
         {QT_TRANSLATE_NOOP("Lesson", "Make a second ridge, across the first, from neurons 3 "
                                      "and 4."),
          QT_TRANSLATE_NOOP("Lesson", "Weight 1 from neuron 3 and −1 from neuron 4.")}},
        {"ch11.tower",
         {QT_TRANSLATE_NOOP("Lesson", "Raise layer 2's threshold until only the crossing of the "
                                      "ridges stands: a tower."),
          QT_TRANSLATE_NOOP("Lesson", "Layer 2 fires where the weighted sum is at least −b. The "
                                      "sum is 2 on the crossing and 1 on the rest of the ridges: "
                                      "set b between −2 and −1, say −1.5.")}},
        {"ch12.overfit",
         {QT_TRANSLATE_NOOP("Lesson", "With 12 or more neurons, train until the training loss "
                                      "is at most a quarter of the test loss."),
          QT_TRANSLATE_NOOP("Lesson", "Press Play and watch the loss plot in the Training tab: "
                                      "the solid training loss dives, the dashed test loss "
                                      "stays up.")}},
        {"ch12.few",
         {QT_TRANSLATE_NOOP("Lesson", "With at most 6 neurons, bring the test loss below "
                                      "0.04."),
          QT_TRANSLATE_NOOP(
              "Lesson",
              "Set Hidden neurons to 3 in the Weights tab, then train for 1,500 steps or so. "
              "The test loss is written just above the loss plot.")}},
        {"ch12.decay",
         {QT_TRANSLATE_NOOP("Lesson", "With 12 or more neurons again, train with weight decay "
                                      "until the test loss is below 0.04 and the weights have "
                                      "shrunk: Σ(w² + v²) below 50."),
          QT_TRANSLATE_NOOP("Lesson", "Set Hidden neurons back to 24, set Weight decay λ to "
                                      "0.001 in the Data and overfitting box, and train for a "
                                      "thousand steps or so.")}},
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
        return t("Gradient descent: walking downhill");
    case 7:
        return t("Backpropagation: the chain rule, backwards");
    case 8:
        return t("Why steps cannot learn, and what sigmoids change");
    case 9:
        return t("What depth buys: folding the line");
    case 10:
        return t("Towers: two inputs");
    case 11:
        return t("Too many neurons");
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
               t("<p>The diagram draws that input too: the dashed node marked 1 under <i>x</i>. "
                 "The weight on its dashed edge is the bias, written under the neuron.</p>") +
               t("<p>Then the neuron passes the sum through its <b>activation</b> <i>g</i>. "
                 "Here <i>g</i> is a step: the answer is 1 when <i>z</i> ≥ 0 and 0 "
                 "otherwise.</p>") +
               formula("<i>y</i> = <i>g</i>(<i>z</i>)") +
               t("<p>So the neuron fires when <i>w</i>·<i>x</i> ≥ −<i>b</i>: −<i>b</i> is its "
                 "<b>threshold</b>. The weight says how much the input counts; the bias says how "
                 "eager the neuron is to fire, whatever the input: the larger <i>b</i>, the "
                 "lower the threshold.</p>");
    case 1:
        return t("<p>Instead of one answer at a time, look at all of them: for every "
                 "<i>x</i>, plot what the neuron says. That graph <i>is</i> the neuron.</p>") +
               formula("<i>y</i> = <i>g</i>(<i>w</i>·<i>x</i> + <i>b</i>)") +
               t("<p>With a step activation the graph is one step. It sits where the sum is "
                 "exactly zero, <i>w</i>·<i>x</i> + <i>b</i> = 0:</p>") +
               formula("<i>x</i> = −<i>b</i> / <i>w</i>") +
               t("<p>For a step only that point and the sign of <i>w</i> matter: doubling both "
                 "<i>w</i> and <i>b</i> leaves the graph exactly as it was. The sign of "
                 "<i>w</i> decides which way the step faces: up for <i>w</i> &gt; 0; for "
                 "<i>w</i> &lt; 0 it is <b>flipped</b>, 1 on the left and 0 on the right, since "
                 "<i>g</i>(−<i>z</i>) = 1 − <i>g</i>(<i>z</i>) for every <i>z</i> ≠ 0.</p>");
    case 2:
        return t("<p>Take two step neurons, <i>n</i><sub>1</sub> and <i>n</i><sub>2</sub>, "
                 "both reading the same <i>x</i>. A third neuron, the <b>output neuron</b>, "
                 "reads their answers, weighs them with its own weights <b>w11</b> (from "
                 "neuron 1) and <b>w21</b> (from neuron 2), and adds them up with its own bias "
                 "<i>c</i>:</p>") +
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
                 "<li>a weight of −1 turns its neuron's graph <b>upside down</b> before adding "
                 "it: −<i>g</i>(<i>z</i>) goes from 0 down to −1;</li>"
                 "<li>any other weight scales its graph: 0.5 halves it, 2 doubles it.</li>"
                 "</ul><p>Upside down is not the same as the flip of chapter 2 (a negative "
                 "<i>w</i>), which gives 1 − <i>g</i>(<i>z</i>), from 1 down to 0. The two differ "
                 "by the constant 1, which the output bias <i>c</i> can make up.</p>"
                 "<p>The steps stay where they are in this chapter; only w11 and w21 move. "
                 "With a class, tick <b>Predict first</b>: the sum stays hidden while everyone "
                 "says what it will look like, and <b>Reveal</b> shows it.</p>");
    case 4:
        return t("<p>Your turn to predict. The steps are where they were: neuron 1 at "
                 "<i>x</i> = −0.5, neuron 2 at <i>x</i> = 0.5. Now</p>") +
               formula("(w11, w21) = (1.5, −0.5)") +
               t("<p>What does the output look like? The answer is hidden. Draw your guess "
                 "across the graph (<b>Sketch</b>, G), then press <b>Reveal</b> (R). The "
                 "score judges each flat level of the answer on its own, and the worst one "
                 "counts: 80 or more needs every level nearer its true height than half-way to "
                 "the next one.</p>");
    case 5:
        return t("<p>A rising step plus a falling step make a <b>bump</b>: up at one "
                 "<i>x</i>, down again at another. Bumps can go anywhere, as wide and as tall "
                 "as you like, and side by side their sum can follow a curve. More neurons "
                 "give narrower bumps and a closer fit.</p>"
                 "<p>This is the idea behind the <b>universal approximation theorem</b>. "
                 "Stated with care: a network with one hidden layer and a linear output neuron, "
                 "whose activation is not a polynomial (a step, a sigmoid, tanh and ReLU all "
                 "qualify; <i>x</i>² does not), can come within any distance ε &gt; 0 of any "
                 "continuous function on a closed, bounded interval, at every point at once, "
                 "given enough hidden neurons. It says such weights exist; it says nothing about "
                 "how many neurons that takes, or whether training will find them. (The text "
                 "this lesson grew from states it more loosely.)</p>"
                 "<p>Under the loss the panel shows the <b>worst distance</b>, the largest "
                 "|<i>y</i> − <i>t</i>| over the graph's sample points: \"within ε\" means that "
                 "number is below ε. The dashed lines on the graph run at ε = 0.15 above and "
                 "below the target: the bold curve must stay between them.</p>");
    case 6:
        return t("<p>Placing steps by hand works for two neurons, not for a hundred. From "
                 "here on the network finds its weights itself. Its hidden neurons are now "
                 "<b>sigmoids</b>, smooth steps: chapter 9 shows why steps cannot learn this "
                 "way.</p>"
                 "<p>How wrong the network is, is one number, the <b>loss</b>: the mean "
                 "squared distance between output and target over the <i>N</i> sample "
                 "points.</p>") +
               formula("<i>L</i> = (1/<i>N</i>) Σ<sub><i>i</i></sub> "
                       "(<i>y</i>(<i>x<sub>i</sub></i>) − <i>t<sub>i</sub></i>)²") +
               t("<p>Every setting θ of the weights and biases has a loss: together they make a "
                 "landscape. The <b>gradient</b>, the list of slopes ∂<i>L</i>/∂θ, points the "
                 "way the loss rises fastest: uphill. So <b>gradient descent</b> steps against "
                 "it, again and again:</p>") +
               formula("θ ← θ − η·∂<i>L</i>/∂θ") +
               t("<p>The arrows beside the sliders show −∂<i>L</i>/∂θ, downhill: the way each "
                 "weight would move (their length grows with the slope; the tooltip gives the "
                 "number). The <b>learning rate</b> η sets the size of the steps. Too small, "
                 "and training crawls; too large, and each step overshoots the valley, the "
                 "loss grows and the run <b>diverges</b>: Stepwise stops it and puts back the "
                 "best weights the run reached. The Landscape tab draws the loss over any two "
                 "weights with the path training takes. (Adam, one of the other optimizers, sizes "
                 "each "
                 "weight's step from a running average of its recent slopes and steps against that "
                 "average, not always against the latest slope.)</p>");
    case 7:
        return t("<p>Gradient descent needs ∂<i>L</i>/∂θ for every weight and bias. "
                 "<b>Backpropagation</b> gets them all in one sweep: the chain rule, applied "
                 "from the output back towards the input, one sample at a time.</p>"
                 "<p>In this chapter the hidden neurons are <b>ReLUs</b>, <i>g</i>(<i>z</i>) = "
                 "max(0, <i>z</i>): a ramp that starts at <i>z</i> = 0, with slope "
                 "<i>g</i>′ = 0 left of it and 1 right of it, so the arithmetic stays short. "
                 "Write <i>v<sub>j</sub></i> for neuron <i>j</i>'s output weight (w11 and w21 "
                 "are <i>v</i><sub>1</sub> and <i>v</i><sub>2</sub>).</p>"
                 "<p><b>Forward</b>, for a sample (<i>x</i>, <i>t</i>):</p>") +
               formula("<i>z<sub>j</sub></i> = <i>w<sub>j</sub></i>·<i>x</i> + "
                       "<i>b<sub>j</sub></i>, &nbsp; <i>a<sub>j</sub></i> = "
                       "<i>g</i>(<i>z<sub>j</sub></i>), &nbsp; <i>y</i> = Σ "
                       "<i>v<sub>j</sub></i>·<i>a<sub>j</sub></i> + <i>c</i>") +
               t("<p><b>Backward</b>: the sample's share of the loss is (<i>y</i> − "
                 "<i>t</i>)²/<i>N</i>, so</p>") +
               formula("∂<i>L</i>/∂<i>y</i> = 2(<i>y</i> − <i>t</i>)/<i>N</i>, &nbsp; "
                       "∂<i>L</i>/∂<i>v<sub>j</sub></i> = ∂<i>L</i>/∂<i>y</i> · "
                       "<i>a<sub>j</sub></i>") +
               formula("δ<sub><i>j</i></sub> = ∂<i>L</i>/∂<i>y</i> · <i>v<sub>j</sub></i> · "
                       "<i>g</i>′(<i>z<sub>j</sub></i>), &nbsp; "
                       "∂<i>L</i>/∂<i>w<sub>j</sub></i> = δ<sub><i>j</i></sub>·<i>x</i>, &nbsp; "
                       "∂<i>L</i>/∂<i>b<sub>j</sub></i> = δ<sub><i>j</i></sub>") +
               t("<p>Every factor was already computed on the way forward or one step back: "
                 "that is why backpropagation is cheap. Adding up the shares of all <i>N</i> "
                 "samples gives the gradient (the mean of the per-sample gradients, since the "
                 "loss is a mean); the arrows beside the sliders show it with the opposite "
                 "sign.</p>"
                 "<p>Press <b>Walk through backpropagation</b>, click a point on the graph to "
                 "pick the sample, and step with → or Space. Each number appears on the "
                 "diagram where it lives, and the caption writes out the arithmetic.</p>");
    case 8:
        return t("<p>A step is flat everywhere except at its jump, where it has no slope at "
                 "all, so <i>g</i>′(<i>z</i>) = 0 wherever it exists. In "
                 "δ<sub><i>j</i></sub> = ∂<i>L</i>/∂<i>y</i> · <i>v<sub>j</sub></i> · "
                 "<i>g</i>′(<i>z<sub>j</sub></i>) the last factor is 0: the true gradient "
                 "with respect to a step neuron's <i>w</i> and <i>b</i> is zero (unless a sample "
                 "sits "
                 "exactly on a jump, where there is no slope at all), and gradient "
                 "descent never moves them. Only the output layer can learn.</p>"
                 "<p>The Training tab trains step networks anyway by a trick: it "
                 "<b>borrows</b> the slope of a sigmoid in place of the step's 0. For a step "
                 "network the arrows beside <i>w</i> and <i>b</i> show that borrowed direction, "
                 "and say so; it is not the gradient.</p>"
                 "<p>The sigmoid σ(<i>k</i>·<i>z</i>) = 1 / (1 + e<sup>−<i>k</i>·<i>z</i></sup>) "
                 "is a smooth step whose slope is never zero. Since</p>") +
               formula("σ(<i>k</i>·(<i>w</i>·<i>x</i> + <i>b</i>)) = σ((<i>k</i>·<i>w</i>)·"
                       "<i>x</i> + <i>k</i>·<i>b</i>)") +
               t("<p>the steepness <i>k</i> and the size of the weights do the same job: "
                 "larger weights make a steeper sigmoid. As <i>k</i> grows, σ(<i>k</i>·<i>z</i>) "
                 "tends to the step at every <i>z</i> ≠ 0.</p>"
                 "<p>The price of steepness: the slope <i>k</i>·σ(<i>kz</i>)·(1 − σ(<i>kz</i>)) "
                 "is large only near the step and almost 0 elsewhere, so samples far from a "
                 "neuron's step pass it almost no gradient. This is the <b>vanishing "
                 "gradient</b>.</p>");
    case 9:
        return t("<p>Chapter 6 showed that one hidden layer can trace any continuous curve if "
                 "it has enough neurons. So why do real networks stack layers? Not because "
                 "one layer cannot, but because it may need far more neurons.</p>"
                 "<p>Here the neurons are <b>ReLU</b>: ReLU(<i>z</i>) = max(0, <i>z</i>). A "
                 "ReLU neuron fed by <i>x</i> bends a straight line once, where its <i>z</i> "
                 "crosses 0, so one hidden layer of <i>n</i> of them draws a broken line of at "
                 "most <i>n</i> + 1 straight pieces.</p>"
                 "<p>This network has two hidden layers of two neurons. Layer 1 computes "
                 "ReLU(<i>x</i>) and ReLU(−<i>x</i>), whose sum is |<i>x</i>|. Layer 2 does not "
                 "see <i>x</i>: it reads layer 1's outputs, so whatever it does, it does to the "
                 "whole bent curve at once. If it bends again where that curve crosses a "
                 "level, it bends every piece that crosses it, and the pieces can double. The "
                 "tent</p>") +
               formula("<i>T</i>(<i>s</i>) = 1 − 2|<i>s</i>|") +
               t("<p>maps [−1, 1] onto itself twice over, so <i>T</i>(<i>T</i>(<i>x</i>)) has 4 "
                 "pieces and <i>T</i>(<i>T</i>(<i>T</i>(<i>x</i>))) has 8. With <i>k</i> layers "
                 "of two neurons the folds make 2<sup><i>k</i></sup> pieces from 2<i>k</i> "
                 "neurons; one hidden layer needs 2<sup><i>k</i></sup> − 1 neurons for as "
                 "many. The Network tab counts the pieces of the output on the domain.</p>"
                 "<p>Where this simplifies: counting pieces shows the economy of depth, not that "
                 "deep networks are easier to train. Finding such folds by gradient descent is "
                 "harder than writing them down, and for many curves one layer does well. "
                 "Research results of this kind (for example Telgarsky, 2016) prove that some "
                 "functions a deep, narrow network computes need exponentially many neurons "
                 "in a network of only a few layers.</p>");
    case 10:
        return t("<p>With two inputs a neuron adds both, each with its own weight:</p>") +
               formula("<i>z</i> = <i>w</i><sub>1</sub><i>x</i><sub>1</sub> + "
                       "<i>w</i><sub>2</sub><i>x</i><sub>2</sub> + <i>b</i>") +
               t("<p>A step neuron answers 1 on one side of the line <i>z</i> = 0 and 0 on the "
                 "other. Here each neuron of layer 1 looks at one input only: neurons 1 and 2 "
                 "switch at <i>x</i><sub>1</sub> = −0.4 and 0.4, neurons 3 and 4 at "
                 "<i>x</i><sub>2</sub> = −0.4 and 0.4.</p>"
                 "<p>Layer 2 is one step neuron. Its weights from neurons 1 and 2 work as w11 "
                 "and w21 did in chapter 4: with 1 and −1 their sum is 1 where −0.4 ≤ "
                 "<i>x</i><sub>1</sub> &lt; 0.4, whatever <i>x</i><sub>2</sub> is, and 0 "
                 "elsewhere: a ridge. Neurons 3 and 4 make a second ridge across the first.</p>"
                 "<p>Layer 2 adds the ridges: the sum is 2 where they cross, 1 on the rest of "
                 "each ridge and 0 elsewhere. Its bias sets a threshold: the neuron fires where "
                 "the sum is at least −<i>b</i>. At <i>b</i> = −0.5 both ridges pass, a cross; "
                 "raise the threshold above 1 (but not above 2, or nothing stands) and only the "
                 "crossing stands, a tower. The output "
                 "neuron scales it by <i>v</i> and lifts it by <i>c</i>.</p>"
                 "<p>Many towers side by side, each with its own height, approximate any "
                 "continuous surface on a rectangle as closely as we like, as bumps did for "
                 "curves in chapter 6. Two layers of steps build them here; one hidden layer of "
                 "steps with a steep threshold at the output would do the same. Where this "
                 "simplifies: networks trained by gradient descent use smooth activations and "
                 "rarely build clean towers, but their surfaces are made the same way, of "
                 "pieces switched on and off by lines.</p>");
    case 11:
        return t("<p>Twenty-four points of a smooth curve, each with noise added, and 24 "
                 "neurons. Only the twelve filled dots are learnt from: more freedom than twelve "
                 "points can pin down. The hollow dots are <b>test points</b>: training never "
                 "learns from them, it only measures the network's error on them. Their loss "
                 "tells how well the curve does between the points it learnt.</p>"
                 "<p>Press Play. The curve soon threads every filled dot: the training loss "
                 "falls towards 0 while the test loss (dashed in the loss plot) levels off far "
                 "above it. The "
                 "network has learnt the noise along with the curve. This is "
                 "<b>overfitting</b>.</p>"
                 "<p>Two remedies. Fewer neurons leave less freedom. Or <b>weight decay</b>: "
                 "training then descends</p>") +
               formula("<i>J</i> = <i>L</i> + λ·Σ<sub><i>j</i></sub> (<i>w<sub>j</sub></i>² + "
                       "<i>v<sub>j</sub></i>²)") +
               t("<p>where <i>L</i> is the mean squared error on the training points and the sum "
                 "runs over every hidden weight <i>w<sub>j</sub></i> and output weight "
                 "<i>v<sub>j</sub></i>; the biases <i>b<sub>j</sub></i> and <i>c</i> are not "
                 "decayed. Large weights now cost something, so the curve tends to bend only "
                 "where several points ask it to. The loss plot still shows <i>L</i>, not "
                 "<i>J</i>.</p>"
                 "<p>Where the picture simplifies: the noise has σ = 0.2, so even the true "
                 "curve would score σ² = 0.04 on new points on average (on these twelve test "
                 "points it happens to score about 0.03). With so few test points their loss is "
                 "itself noisy: another split could flatter or punish the same network by "
                 "chance.</p>");
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
