import { Global, Module } from '@nestjs/common';
import { MetricsController } from './metrics.controller';
import { PrometheusMetrics } from './prometheus-metrics';

@Global()
@Module({
  controllers: [MetricsController],
  providers: [{ provide: PrometheusMetrics, useFactory: () => new PrometheusMetrics() }],
  exports: [PrometheusMetrics],
})
export class MetricsModule {}
