import { ApiError, errorResponse } from '@/lib/server/platform/http';

// Unknown API paths answer in JSON like every other API error, not with the HTML 404 page.
const notFound = (req: Request) => errorResponse(new ApiError(404, 'not_found', `No API route ${req.method} ${new URL(req.url).pathname}.`));

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
