<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>Commands</name>
    <message>
        <source>Change %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User &amp;guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No program here opens %1. The guide is a Markdown text file; open it in any editor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Stepwise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Lesson</name>
    <message>
        <source>Make the neuron answer 1 for every x on the graph.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag w1 to 0: the input stops counting and only the bias is left. Which sign of b1 makes the sum at least 0?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now make it answer 0 everywhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep w1 at 0 and give b1 a value below zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the step to x = 0.5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make the step face the other way: high on the left, low on the right, and still on the graph.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag w1 below zero. If the step slides off the graph, bring it back with b1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Let only neuron 1 through: (w11, w21) = (1, 0).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set w21 to 0. Neuron 2&apos;s curve lies down flat on the axis.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now only neuron 2: (w11, w21) = (0, 1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>w11 = 0 silences neuron 1; w21 = 1 passes neuron 2 through unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move neuron 2&apos;s step to x = 0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Neuron 2 is a neuron like the one in chapter 2: it steps at x = −b2/w2. With w2 = 4, set b2 = 0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the two steps: (w11, w21) = (1, 1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set w21 to 1. The output climbs 0, then 1, then 2: a staircase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn neuron 2 upside down: (1, −1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>w21 = −1 subtracts neuron 2. What is left is 1 only between the two steps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn neuron 1 upside down instead: (−1, 1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now neuron 1 is subtracted: the output dips to −1 between the steps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make both steps half as tall: (0.5, 0.5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A weight stretches its neuron&apos;s graph: 0.5 squeezes each step to half its height.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sketch your guess across the graph, from left to right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go region by region. Left of both steps neither neuron fires. Between them only neuron 1 does. Right of both, both do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reveal the answer and read your score.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Reveal (R).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score 80 or more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left: 0. Middle: 1.5 × 1 = 1.5. Right: 1.5 × 1 − 0.5 × 1 = 1. Press Try again and draw those three levels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build a bump out of the two steps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep both steps rising and set (w11, w21) = (1, −1): up at the first step, back down at the second.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With at most 4 neurons, bring the loss below 0.015 on the grey target.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the hidden neurons to 4 and stack two bumps: a wide one (steps near x = ±0.5) for the shoulders and a narrow one (near ±0.25) for the peak. Network ▸ Fit the output layer (Ctrl+L) then finds the best output weights for the steps you placed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Add a neuron until there are 12 or more, and watch the loss fall below 0.005.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each press puts a new step in the middle of the widest gap and picks the best output weights. More, narrower steps follow the curve more closely.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw a target curve on the graph.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press D (draw) and drag across the graph; a grey band follows your pen. Any preset in the Target menu works too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train until the network explains 95 % of the target&apos;s ups and downs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Play (Ctrl+Space) in the Training tab. If it stalls, add neurons or pick the Adam optimizer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch the activation to Sigmoid and watch the slope that reaches the hidden layer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Activation box is at the top of the Weights tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn the steepness k up to 30 or more: the sigmoid turns into a step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag the Steepness slider to the right, or type 30.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn k down to 2 or less: the steps melt into gentle ramps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag the Steepness slider to the left, or type 2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The step sits at x = −b/w. With w1 = 4 you need b1 = −2. Or drag the blue triangle under the step along the axis to 0.5.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>unknown picture type: the name must end in .png, .svg, .pdf or .gif</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the picture size must be between 16 and 8000 pixels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the scenario has no target to train on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not write %1 (is the folder there and writable?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sine wave</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bump</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>|x|</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sawtooth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gaussian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>x²</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Noisy sine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sigmoid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tanh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ReLU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One neuron</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two neurons added (1, 1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Neuron 2 inverted (1, −1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Neuron 1 inverted (−1, 1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The exercise (1.5, −0.5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A bump from two steps</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Stepwise shows, by dragging and drawing, how neurons network to learn.

Exit codes: 0 success, 2 bad input (one line on stderr names the file, the
field and the problem), 1 anything else.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A scenario (*.stepwise) to open in the window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run headless: load FILE (no window).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --scenario: train STEPS steps with the file&apos;s settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --scenario: write the graph to OUT (.png, .svg, .pdf, or .gif to animate the training).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --scenario: write a JSON report (steps, loss, diverged, every parameter).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --export: picture size in pixels (default 1200x750).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --export: use the projector palette.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validate FILE and exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--train: &apos;%1&apos; is not a step count (0 to 1000000000)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--size: &apos;%1&apos; is not WIDTHxHEIGHT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 needs --scenario FILE</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>stepwise::ui::AboutDialog</name>
    <message>
        <source>development build</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Stepwise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stepwise icon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;Stepwise&lt;/h2&gt;&lt;p&gt;%1 · Qt %2&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;See how neurons network to learn.&lt;/p&gt;&lt;p&gt;Each hidden neuron answers with a step placed where w·x&amp;nbsp;+&amp;nbsp;b crosses zero; the network&apos;s output is the weighted sum of those steps, and training nudges every weight and bias downhill on the error until the sum traces the target.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Stepwise is free software: you may share and change it under the terms of the &lt;a href=&quot;https://www.gnu.org/licenses/gpl-3.0.html&quot;&gt;GNU General Public License, version 3 or later&lt;/a&gt;. It comes with no warranty.&lt;/p&gt;&lt;p&gt;It is built on Qt (LGPL-3.0), QCustomPlot (GPL-3.0), Eigen (MPL-2.0) and nlohmann/json (MIT).&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kernels: %1 (available: %2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>stepwise::ui::Document</name>
    <message>
        <source>Change activation</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Set %n hidden neuron(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Erase target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit the output layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Train %n step(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>stepwise::ui::FileController</name>
    <message>
        <source>Could not open the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2
The file on disk (if any) was left as it was.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stepwise scenarios (*.stepwise);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>untitled.stepwise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stepwise scenarios (*.stepwise)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open the example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Autosave failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stepwise did not close properly last time; your work has been restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last session could not be restored (%1). It was kept as %2; Stepwise starts fresh.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>stepwise::ui::GradientArrow</name>
    <message>
        <source>Gradient arrow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The loss does not pull this parameter either way here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The loss wants this parameter to go %1 (−∂L/∂θ = %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>down</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>stepwise::ui::GraphView</name>
    <message>
        <source>Graph of the network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each hidden neuron&apos;s weighted contribution, their sum (the output) and the target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stroke</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your guess</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>output y (the sum)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>… %n more neuron(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>output y = %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>target = %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stepwise graph</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>stepwise::ui::LandscapePlot</name>
    <message>
        <source>Loss landscape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The loss over two parameters with the others held still; click to move both there, or use the arrow keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loss (log scale)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>training trail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>downhill (−∇L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lowest point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>current weights</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>stepwise::ui::LandscapeView</name>
    <message>
        <source>Parameter across</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameter up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acr&amp;oss:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Up:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-&amp;centre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Centre the map on the current weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Jump to the minimum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move both to the lowest point of the bowl (one undo step)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only for two output parameters (w11, w21, …, c), where the lowest point is known exactly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No target yet: pick one from the Target menu or draw one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · lowest point off the map, at (%1, %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · computing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 = %2, %3 = %4 · loss %5%6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both are output parameters, so the loss is an exact bowl. Its lowest point is the best fit of these two with the rest held still.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The others are held still. Training walks downhill, along the arrow; click the map to move the weights there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move %1 and %2 on the landscape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jump to the lowest point of %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With a step activation the loss over a hidden parameter is flat terraces: its true slope is zero almost everywhere. The arrow shows the slope training borrows from a steep sigmoid instead.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>stepwise::ui::LessonPanel</name>
    <message>
        <source>Chapter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jump to a chapter of the lesson (Alt+1 … Alt+8)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lesson text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try this</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sketch a guess</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw your guess on the graph (G)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;veal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the network&apos;s output and score your guess (R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try &amp;again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide the answer and draw a new guess (Shift+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a &amp;neuron (spread the steps, fit the output)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One more step neuron; all steps evenly spread; the best output weights by least squares (N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>◀ &amp;Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous chapter (Ctrl+Page Up)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do the highlighted task for me / reveal the answer (R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next ▶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next chapter (Ctrl+Page Down)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Free mode: every control unlocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show every control in every chapter (Ctrl+Shift+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drawing a target comes in chapter 7; free mode unlocks it anywhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Previous step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next &amp;chapter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous c&amp;hapter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go to chapter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start the chapter again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show a &amp;hint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reveal / show me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ketch a guess</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Try the guess again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add a neuron (spread and fit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Free mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the lesson &amp;text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the lesson &amp;panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lesson: chapter %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chapter %1 network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chapter %1 target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show a hint for this task (H for the highlighted task)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hint: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer is hidden. Draw your guess on the graph.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not done yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chapter %1 of %2 · %3 of %4 tasks done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · That is the whole lesson. Free mode unlocks every control.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Your guess scores %1 out of 100.&lt;/b&gt; The bold curve is the network&apos;s output; your guess is dashed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There was no guess to score. Press Try again to draw one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show me: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw your guess across the graph.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer is hidden again. Draw a new guess.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guess drawn. Draw again to replace it, or press Reveal (R).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a neuron (spread and fit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Best loss with &lt;i&gt;k&lt;/i&gt; steps, each new one in the widest gap:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Your network now: %n neuron(s), loss &lt;b&gt;%1&lt;/b&gt;</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Slope reaching the hidden layer, |∂L/∂(w, b)|: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no target, so no loss to go down)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The step&apos;s slope is zero: nothing gets through. (The arrows beside w and b show the sigmoid slope the trainer borrows.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A smooth activation lets the gradient through.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>stepwise::ui::LossPlot</name>
    <message>
        <source>Loss curve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mean squared error after each training step, log scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loss</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>stepwise::ui::MainWindow</name>
    <message>
        <source>&amp;Weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;raining</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lan&amp;dscape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loss %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xamples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export graph…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export graph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1. Check the folder exists and is writable, and that the name ends in .png, .svg or .pdf.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export training as &amp;GIF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export training as GIF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train how many steps for the animation?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Animated GIF (*.gif)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset the &amp;network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset the network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fit view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Presentation mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add a neuron</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+=</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove a neuron</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+-</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fit the output layer exactly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Inspect (hover and click)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Draw the target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Erase the target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the current &amp;output as the target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target from the output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Smooth strokes lightly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smoothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clear the target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Play / pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One &amp;step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+T</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One &amp;gradient step by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+G</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reset to the starting weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+R</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick or draw a target to see how backprop treats a sample.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1%2 — Stepwise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The animation shows the network learning a target: draw one or pick one from the Target menu first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rendering the animation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the animation to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>stepwise::ui::NetworkDiagram</name>
    <message>
        <source>Network diagram</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input, hidden neurons and output neuron with their weights. Click a neuron or an edge to select it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>output y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sample x = %1   y = %2   target = %3   error = %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>   (a step&apos;s slope is 0: no error flows back to w and b)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Neuron %1: %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; it switches at x = −b/w = %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the weight from the input x into neuron %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: how much of neuron %2 goes into the output y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the output&apos;s bias, added to the sum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag up or down to change it (Shift: finer).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>stepwise::ui::ParamRow</name>
    <message>
        <source>%1 slider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag or use the arrow keys to change %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type an exact value for %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>stepwise::ui::ParameterPanel</name>
    <message>
        <source>Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lesson presets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the network to one of the lesson&apos;s examples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a lesson example…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The function each hidden neuron applies to its sum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Activation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sigmoid steepness k: g(z) = σ(k·z). The larger k, the closer to a step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Steepness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hidden neurons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many neurons the hidden layer has</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hidden neurons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place &amp;steps by position (x = −b/w)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit each step neuron by where its step sits instead of by its bias</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Example: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Neuron %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output neuron</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The step sits at x = −b/w = %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>stepwise::ui::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Projector (high contrast, thick lines)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Palette</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The colours of the graph and the diagram; the system choice follows the desktop&apos;s light or dark setting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> ×</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line width</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Multiplies the width of every curve and edge; larger reads better from afar.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many points along x the curves are computed at and the loss is averaged over. Applies to the open scenario and to new ones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sigmoid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tanh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ReLU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activation of new networks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The activation a new scenario (File, New) starts with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save my work automatically and restore it at start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keeps a copy of the open scenario a few seconds after each change, and brings it back when Stepwise starts again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Palette:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Line width:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Number of samples:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Activation of new networks:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>stepwise::ui::TrainingController</name>
    <message>
        <source>There is nothing to learn yet: draw a target curve or pick one from the Target menu first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A gradient step needs a target: draw one or pick one first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That step would make a weight infinite; try a smaller learning rate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One gradient step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New random weights (seed %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training ran away: %1. The last good weights are back in place. The learning rate (%2) is probably too big for this curve; try %3.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>stepwise::ui::TrainingPanel</name>
    <message>
        <source>&amp;Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start or pause training (Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One s&amp;tep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take one training step (optimizer step)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Gradient step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move every weight once against its gradient: θ ← θ − η·∂L/∂θ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the weights this run started from, with the same seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start again from fresh random weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n step(s) per frame</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>As fast as possible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spee&amp;d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Learning rate η</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gradient descent (SGD)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Optimizer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layers that learn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All weights and biases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output layer only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lear&amp;ns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop at loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop at &amp;loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How a step network learns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Surrogate gradient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anneal a sigmoid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step &amp;training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reached the loss you asked for (%1): training paused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These apply to step networks only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A step has no slope, so backprop borrows the slope of a steep sigmoid while the curve stays a step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train a gentle sigmoid and make it steeper and steeper until it is practically a step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>   loss %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>   no target yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>   %1 steps/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>   k = %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The loss keeps leaping back up: near the bottom, steps this big overshoot. Try a smaller learning rate, say η = %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
