/**
 * What readiness knows beyond a ping: whether the process is draining (a stop signal came) so that a load balancer
 * sends it nothing new. Shared by the server (which drains) and /readyz (which reports).
 */
export class Health {
  #draining = false;

  get draining(): boolean {
    return this.#draining;
  }

  startDraining(): void {
    this.#draining = true;
  }
}
