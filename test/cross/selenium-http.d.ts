// selenium-webdriver's http module is imported by its file path (Node's ESM resolver does not take the folder
// path that its types are published under); these are its types.
declare module 'selenium-webdriver/http/index.js' {
  export * from 'selenium-webdriver/http';
}
