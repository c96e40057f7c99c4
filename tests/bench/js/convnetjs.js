// The standard training workload on the real ConvNetJS library (npm "convnetjs" 0.3.0), from the
// same starting weights as stepwise-bench. Not installed by the project: scripts/bench-compare
// runs this only when `require('convnetjs')` resolves (for example with NODE_PATH pointing at a
// node_modules folder outside the repository).
//
// ConvNetJS's regression layer passes back y − t (the gradient of ½(y − t)²) and its trainer
// divides the summed gradient by batch_size, so SGD with batch_size = N at learning rate 0.2
// takes exactly the step of stepwise's (1/N) Σ (y − t)² at η = 0.1.
// Usage: node convnetjs.js [--quick] [--filter WORD] [--steps S]
'use strict';

const convnetjs = require('convnetjs');
const {workload, SIZES, parseArgs, measure, report} = require('./workload.js');

function make(w) {
  const net = new convnetjs.Net();
  net.makeLayers([
    {type: 'input', out_sx: 1, out_sy: 1, out_depth: 1},
    {type: 'fc', num_neurons: w.hidden, activation: 'sigmoid'},
    {type: 'regression', num_neurons: 1},
  ]);
  const [hidden, output] = net.layers.filter((l) => l.layer_type === 'fc');
  for (let j = 0; j < w.hidden; j++) {
    hidden.filters[j].w[0] = w.net.w[j];
    hidden.biases.w[j] = w.net.b[j];
    output.filters[0].w[j] = w.net.v[j];
  }
  output.biases.w[0] = w.net.c;
  const trainer = new convnetjs.Trainer(net, {
    method: 'sgd', learning_rate: 0.2, batch_size: w.samples, momentum: 0.0, l2_decay: 0.0,
  });
  const inputs = Array.from(w.x, (xi) => new convnetjs.Vol([xi]));
  const targets = Array.from(w.t, (ti) => [ti]);
  return {
    step() {
      for (let i = 0; i < inputs.length; i++) trainer.train(inputs[i], targets[i]);
    },
    loss() {
      let l = 0.0;
      for (let i = 0; i < inputs.length; i++) {
        const e = net.forward(inputs[i]).w[0] - targets[i][0];
        l += e * e;
      }
      return l / inputs.length;
    },
  };
}

const o = parseArgs(process.argv);
const name = 'js_convnetjs';
if (name.includes(o.filter))
  for (const [h, n] of SIZES) {
    const w = workload(h, n);
    report(name, h, n, measure(() => make(w), o));
  }
