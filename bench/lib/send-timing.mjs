import { writeFileSync } from "node:fs";
import net from "node:net";

/**
 * Where a server's share of an edit's latency goes, measured inside the server process: for each
 * batch of bytes a socket delivers (an edit's frame), the time until the server first writes to
 * another socket (the first peer's copy leaves) and until its last such write before the next
 * arrival (the last peer's copy leaves). Loaded with `node --import` into every server of
 * `server-path-profile.ts --send-timing` alike (relay, bare Hocuspocus, ours): it patches the
 * sockets of `node:net`, which all three write through, and nothing of the servers' own code.
 * Only with `SEND_TIMING_FILE` set; the samples (epoch ms of the arrival, first, last, writes)
 * are written there when the process exits. Plain JavaScript: it loads before tsx does.
 */
const file = process.env.SEND_TIMING_FILE;
if (file) {
  const samples = [];
  let from = null;
  let arrived = 0;
  let first = 0;
  let last = 0;
  let writes = 0;
  const settle = () => {
    if (from !== null && writes > 0)
      samples.push([performance.timeOrigin + arrived, first - arrived, last - arrived, writes]);
    from = null;
    writes = 0;
  };
  const emit = net.Socket.prototype.emit;
  net.Socket.prototype.emit = function (event, ...args) {
    if (event === "data") {
      settle();
      from = this;
      arrived = performance.now();
    }
    return emit.call(this, event, ...args);
  };
  const wrote = (socket) => {
    if (from === null || socket === from) return;
    const at = performance.now();
    if (writes === 0) first = at;
    last = at;
    writes += 1;
  };
  for (const method of ["_writev", "_write"]) {
    const original = net.Socket.prototype[method];
    net.Socket.prototype[method] = function (...args) {
      wrote(this);
      return original.apply(this, args);
    };
  }
  process.on("exit", () => {
    settle();
    writeFileSync(file, JSON.stringify(samples));
  });
}
