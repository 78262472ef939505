// ANY /api/v1/… that names no operation — a 404 problem document, like every other /api/v1 answer.
import { unknownApiPath } from "@switchboard/lib/api/route-methods";

export const GET = unknownApiPath;
export const POST = unknownApiPath;
export const PUT = unknownApiPath;
export const PATCH = unknownApiPath;
export const DELETE = unknownApiPath;
