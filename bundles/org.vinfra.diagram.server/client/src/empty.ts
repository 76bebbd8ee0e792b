// Stands in for Node's 'path' in the browser bundle (nothing of it is used there).
export {};
