// The declared guards (server-only): handler() for route handlers, action() and formAction() for
// server actions, each taking { auth, scope, origin, fresh }; plus the request facts and cookie
// writing they hand to the code they guard.
export * from './respond';
export * from './action-context';
export * from './options';
export * from './route';
export * from './action';
