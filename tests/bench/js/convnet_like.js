// The standard training workload in plain JavaScript, written the way ConvNetJS (and the web
// explainers built on it) does it: layers as objects over Float64Array volumes, each sample
// pushed forward and backward on its own, the weight gradients accumulated over the batch, then
// one SGD step. Same maths as stepwise::Trainer with full-batch SGD at η = 0.1:
//   L = (1/N) Σ (y − t)²,  ∂L/∂y_i = 2·(y_i − t_i)/N.
// Usage: node convnet_like.js [--quick] [--filter WORD] [--steps S]
'use strict';

const {workload, SIZES, parseArgs, measure, report} = require('./workload.js');

// A fully connected layer: out_j = Σ_i in_i·W[j][i] + bias_j, with gradient accumulators.
class FullyConn {
  constructor(inputs, outputs) {
    this.inputs = inputs;
    this.outputs = outputs;
    this.filters = [];
    for (let j = 0; j < outputs; j++)
      this.filters.push({w: new Float64Array(inputs), dw: new Float64Array(inputs)});
    this.biases = {w: new Float64Array(outputs), dw: new Float64Array(outputs)};
    this.out = new Float64Array(outputs);
    this.inGrad = new Float64Array(inputs);
  }
  forward(input) {
    this.input = input;
    for (let j = 0; j < this.outputs; j++) {
      const wj = this.filters[j].w;
      let a = 0.0;
      for (let i = 0; i < this.inputs; i++) a += input[i] * wj[i];
      this.out[j] = a + this.biases.w[j];
    }
    return this.out;
  }
  backward(outGrad) {
    this.inGrad.fill(0.0);
    for (let j = 0; j < this.outputs; j++) {
      const f = this.filters[j], g = outGrad[j];
      for (let i = 0; i < this.inputs; i++) {
        this.inGrad[i] += f.w[i] * g;
        f.dw[i] += this.input[i] * g;
      }
      this.biases.dw[j] += g;
    }
    return this.inGrad;
  }
  params() {
    return [...this.filters, this.biases];
  }
}

class Sigmoid {
  constructor(n) {
    this.out = new Float64Array(n);
    this.inGrad = new Float64Array(n);
  }
  forward(input) {
    for (let i = 0; i < input.length; i++) this.out[i] = 1.0 / (1.0 + Math.exp(-input[i]));
    return this.out;
  }
  backward(outGrad) {
    for (let i = 0; i < this.out.length; i++) {
      const a = this.out[i];
      this.inGrad[i] = a * (1.0 - a) * outGrad[i];
    }
    return this.inGrad;
  }
}

class Net {
  constructor(w) {
    const h = w.hidden;
    this.hidden = new FullyConn(1, h);
    this.sigmoid = new Sigmoid(h);
    this.output = new FullyConn(h, 1);
    for (let j = 0; j < h; j++) {
      this.hidden.filters[j].w[0] = w.net.w[j];
      this.hidden.biases.w[j] = w.net.b[j];
      this.output.filters[0].w[j] = w.net.v[j];
    }
    this.output.biases.w[0] = w.net.c;
    this.x = w.x;
    this.t = w.t;
    this.in = new Float64Array(1);
    this.grad = new Float64Array(1);
  }
  forward(xi) {
    this.in[0] = xi;
    return this.output.forward(this.sigmoid.forward(this.hidden.forward(this.in)))[0];
  }
  // One full-batch SGD step; returns the loss before it.
  step() {
    const n = this.x.length;
    let loss = 0.0;
    for (let i = 0; i < n; i++) {
      const e = this.forward(this.x[i]) - this.t[i];
      loss += e * e;
      this.grad[0] = (2.0 * e) / n;
      this.hidden.backward(this.sigmoid.backward(this.output.backward(this.grad)));
    }
    for (const layer of [this.hidden, this.output])
      for (const p of layer.params())
        for (let k = 0; k < p.w.length; k++) {
          p.w[k] -= 0.1 * p.dw[k];
          p.dw[k] = 0.0;
        }
    return loss / n;
  }
  loss() {
    let loss = 0.0;
    for (let i = 0; i < this.x.length; i++) {
      const e = this.forward(this.x[i]) - this.t[i];
      loss += e * e;
    }
    return loss / this.x.length;
  }
}

const o = parseArgs(process.argv);
const name = 'js_convnet_like';
if (name.includes(o.filter))
  for (const [h, n] of SIZES) {
    const w = workload(h, n);
    report(name, h, n, measure(() => new Net(w), o));
  }
