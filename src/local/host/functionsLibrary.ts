import type * as functionsTypes from '@azure/functions';
import functionsLibrary from '@azure/functions';

/*
 * The classes the host constructs, taken from the library's CommonJS `module.exports`. Under native
 * ESM a named import (`import { HttpRequest } from '@azure/functions'`) throws "Named export not
 * found": Node's CJS export detection cannot see these names in the webpack bundle (it does see `app`).
 * Vitest hides the problem, so the compiled host must not rely on it. Each name is both the class
 * and its instance type, as with a named class import.
 */

export const HttpRequest = functionsLibrary.HttpRequest;
export type HttpRequest = functionsTypes.HttpRequest;

export const HttpResponse = functionsLibrary.HttpResponse;
export type HttpResponse = functionsTypes.HttpResponse;

export const InvocationContext = functionsLibrary.InvocationContext;
export type InvocationContext = functionsTypes.InvocationContext;
