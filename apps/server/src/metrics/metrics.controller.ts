import { Controller, Get, Header } from '@nestjs/common';
import { AllowAnonymous } from '../http/allow-anonymous.decorator';
import { PrometheusMetrics } from './prometheus-metrics';

/** `GET /metrics` in the Prometheus text format. */
@Controller('metrics')
@AllowAnonymous()
export class MetricsController {
  constructor(private readonly metrics: PrometheusMetrics) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  async scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
