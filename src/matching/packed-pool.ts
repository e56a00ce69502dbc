/**
 * Small integer lists by slot, packed in one Int32Array (the index's skills, the summary's day ranges): no object
 * per expert, so a scan over many candidates stays in a few arrays. Replaced lists leave garbage that is
 * compacted away when the array is full.
 */
export class PackedPool {
  data = new Int32Array(1024);
  start = new Int32Array(0);
  length = new Uint16Array(0);
  private end = 0;
  private live = 0;

  set(slot: number, values: ArrayLike<number>): void {
    if (slot >= this.start.length) {
      const n = Math.max(slot + 1, this.start.length * 2, 1024);
      const start = new Int32Array(n);
      start.set(this.start);
      const length = new Uint16Array(n);
      length.set(this.length);
      this.start = start;
      this.length = length;
    }
    this.clear(slot);
    const n = Math.min(values.length, 0xffff);
    if (this.end + n > this.data.length) this.compact(n);
    this.start[slot] = this.end;
    this.length[slot] = n;
    for (let i = 0; i < n; i++) this.data[this.end++] = values[i]!;
    this.live += n;
  }

  clear(slot: number): void {
    if (slot >= this.length.length) return;
    this.live -= this.length[slot]!;
    this.length[slot] = 0;
  }

  private compact(extra: number): void {
    const next = new Int32Array(Math.max(1024, (this.live + extra) * 2));
    let end = 0;
    for (let slot = 0; slot < this.length.length; slot++) {
      const n = this.length[slot]!;
      if (!n) continue;
      next.set(this.data.subarray(this.start[slot]!, this.start[slot]! + n), end);
      this.start[slot] = end;
      end += n;
    }
    this.data = next;
    this.end = end;
  }
}
