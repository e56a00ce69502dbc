/**
 * The best k items of a stream under an order (negative = a before b), in O(n log k): a binary heap whose root is
 * the worst item kept.
 */
export class TopK<T> {
  private readonly heap: T[] = [];

  constructor(
    readonly k: number,
    private readonly order: (a: T, b: T) => number,
  ) {
    if (!Number.isInteger(k) || k < 0) throw new Error(`TopK: bad k ${k}`);
  }

  get size(): number {
    return this.heap.length;
  }

  /** The worst item kept (undefined until k items are kept): a newcomer must beat it. */
  threshold(): T | undefined {
    return this.heap.length === this.k ? this.heap[0] : undefined;
  }

  push(item: T): void {
    const h = this.heap;
    if (this.k === 0) return;
    if (h.length < this.k) {
      h.push(item);
      this.up(h.length - 1);
    } else if (this.order(item, h[0]!) < 0) {
      h[0] = item;
      this.down(0);
    }
  }

  /** The kept items, best first. */
  sorted(): T[] {
    return [...this.heap].sort(this.order);
  }

  // "worse" means later in the order; the root is the worst.
  private worse(a: T, b: T): boolean {
    return this.order(a, b) > 0;
  }

  private up(i: number): void {
    const h = this.heap;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.worse(h[i]!, h[p]!)) break;
      [h[i], h[p]] = [h[p]!, h[i]!];
      i = p;
    }
  }

  private down(i: number): void {
    const h = this.heap;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let w = i;
      if (l < h.length && this.worse(h[l]!, h[w]!)) w = l;
      if (r < h.length && this.worse(h[r]!, h[w]!)) w = r;
      if (w === i) return;
      [h[i], h[w]] = [h[w]!, h[i]!];
      i = w;
    }
  }
}
