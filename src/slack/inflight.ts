/** Keeps track of work still running after Slack was answered, so shutdown can wait for it. */
export class InflightTracker {
  private readonly pending = new Set<Promise<unknown>>();

  /** Tracks `work` until it settles and returns it. */
  track<T>(work: Promise<T>): Promise<T> {
    this.pending.add(work);
    const forget = () => this.pending.delete(work);
    work.then(forget, forget);
    return work;
  }

  get size(): number {
    return this.pending.size;
  }

  /** Resolves once everything tracked (including work started meanwhile) has settled. */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }
}
