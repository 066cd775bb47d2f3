/** Sums the samples of a Prometheus counter whose labels include all of `labels`. */
export { counterValue as metricSum } from '../load/prometheus';
