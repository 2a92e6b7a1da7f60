import { Injectable } from '@nestjs/common';

/** Whether the server should receive traffic; false from the moment a shutdown begins. */
@Injectable()
export class ReadinessService {
  private shuttingDown = false;

  get isShuttingDown(): boolean {
    return this.shuttingDown;
  }

  beginShutdown(): void {
    this.shuttingDown = true;
  }
}
