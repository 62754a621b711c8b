/** /service-indicators — 政务服务 indicators and ranking per department and per window, by month. */
import { ApplicationIndicators } from '../modules/applications/index.ts';

export function ServiceIndicatorsPage() {
  return <ApplicationIndicators />;
}
