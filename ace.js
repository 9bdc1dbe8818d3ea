/*
| Ace entry point. ts-exec compiles TypeScript on the fly (AdonisJS 7).
*/
import '@poppinss/ts-exec'
await import('./bin/console.js')
