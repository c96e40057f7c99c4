// The standard training workload of stepwise-bench, rebuilt in JavaScript so a JS trainer starts
// from exactly the same weights: std::mt19937_64 (seed 7), stepwise::randomNetwork, the grid of
// N points on [-1, 1] (as Eigen's LinSpaced makes it) and the target sin(3x).
'use strict';

const MASK64 = (1n << 64n) - 1n;

// std::mt19937_64, word for word from the C++ standard's definition.
class Mt19937_64 {
  constructor(seed) {
    this.mt = new Array(312);
    this.mt[0] = BigInt(seed) & MASK64;
    for (let i = 1; i < 312; i++) {
      const p = this.mt[i - 1];
      this.mt[i] = (6364136223846793005n * (p ^ (p >> 62n)) + BigInt(i)) & MASK64;
    }
    this.index = 312;
  }
  twist() {
    const upper = 0xFFFFFFFF80000000n, lower = 0x7FFFFFFFn, a = 0xB5026F5AA96619E9n;
    for (let i = 0; i < 312; i++) {
      const x = (this.mt[i] & upper) | (this.mt[(i + 1) % 312] & lower);
      let xa = x >> 1n;
      if (x & 1n) xa ^= a;
      this.mt[i] = this.mt[(i + 156) % 312] ^ xa;
    }
    this.index = 0;
  }
  next() {
    if (this.index >= 312) this.twist();
    let y = this.mt[this.index++];
    y ^= (y >> 29n) & 0x5555555555555555n;
    y ^= (y << 17n) & 0x71D67FFFEDA60000n;
    y ^= (y << 37n) & 0xFFF7EEE000000000n;
    y ^= y >> 43n;
    return y & MASK64;
  }
  // stepwise::uniform01: the top 53 bits as a double in [0, 1).
  uniform01() {
    return Number(this.next() >> 11n) * 2 ** -53;
  }
}

// stepwise::randomNetwork(hidden, sigmoid, lo, hi, rng).
function randomNetwork(hidden, lo, hi, rng) {
  const w = new Float64Array(hidden), b = new Float64Array(hidden), v = new Float64Array(hidden);
  const width = hi > lo ? hi - lo : 1.0;
  for (let j = 0; j < hidden; j++) {
    const slope = (2.0 + 4.0 * rng.uniform01()) * 2.0 / width;
    const sign = rng.uniform01() < 0.5 ? -1.0 : 1.0;
    const point = lo + width * (j + 0.25 + 0.5 * rng.uniform01()) / hidden;
    w[j] = sign * slope;
    b[j] = -w[j] * point;
    v[j] = rng.uniform01() - 0.5;
  }
  return {w, b, v, c: 0.0};
}

function workload(hidden, samples) {
  const net = randomNetwork(hidden, -1.0, 1.0, new Mt19937_64(7));
  const x = new Float64Array(samples), t = new Float64Array(samples);
  const step = 2.0 / (samples - 1);
  for (let i = 0; i < samples; i++) {
    x[i] = i === samples - 1 ? 1.0 : -1.0 + i * step;
    t[i] = Math.sin(3.0 * x[i]);
  }
  return {hidden, samples, net, x, t};
}

// The (H, N) pairs stepwise-bench measures.
const SIZES = [[2, 256], [16, 512], [64, 1024], [256, 4096]];

// Command line shared by the JS benchmarks, as stepwise-bench reads it: --quick, --filter WORD,
// --steps S.
function parseArgs(argv) {
  const o = {quick: false, filter: '', steps: 0};
  for (let i = 2; i < argv.length; i++) {
    if (argv[i] === '--quick') o.quick = true;
    else if (argv[i] === '--filter' && i + 1 < argv.length) o.filter = argv[++i];
    else if (argv[i] === '--steps' && i + 1 < argv.length) o.steps = Math.max(1, parseInt(argv[++i], 10));
    else {
      process.stderr.write(`usage: node ${argv[1]} [--quick] [--filter WORD] [--steps S]\n`);
      process.exit(2);
    }
  }
  return o;
}

const WARMUP = 16;
const now = () => Number(process.hrtime.bigint()) / 1e9;

// Measures a trainer the way stepwise-bench does: calibrate on a throwaway trainer for a tenth of
// the target time, then on a fresh one WARMUP steps and enough timed steps for `target` seconds,
// or exactly o.steps. make() returns {step(), loss()}.
function measure(make, o) {
  const target = o.quick ? 0.2 : 1.0;
  let steps = o.steps;
  if (!steps) {
    const probe = make();
    const t0 = now();
    let n = 0;
    for (; now() - t0 < 0.1 * target; n++) probe.step();
    steps = Math.max(WARMUP, Math.ceil((n / (now() - t0)) * target * 1.1));
  }
  const trainer = make();
  for (let i = 0; i < WARMUP; i++) trainer.step();
  const t0 = now();
  for (let i = 0; i < steps; i++) trainer.step();
  const seconds = now() - t0;
  return {stepsPerS: steps / seconds, finalLoss: trainer.loss(), steps: WARMUP + steps};
}

function report(name, hidden, samples, r) {
  process.stdout.write(`${name} hidden=${hidden} samples=${samples} ` +
                       `steps_per_s=${Math.round(r.stepsPerS)} ` +
                       `final_loss=${r.finalLoss.toPrecision(15)} steps=${r.steps}\n`);
}

module.exports = {Mt19937_64, randomNetwork, workload, SIZES, parseArgs, measure, report};
