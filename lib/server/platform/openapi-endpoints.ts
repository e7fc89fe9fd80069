// The endpoint list now comes from the route declarations (lib/server/api): declare a new route there.
export { ENDPOINTS, type Endpoint } from '../api';
