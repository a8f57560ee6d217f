/**
 * grammY's Composer with branches that cost less per update; every feature composes with it.
 *
 * grammY runs each `filter`, `on`, `command`, `callbackQuery`, `hears` … through `lazy`, which
 * builds a new Composer for every update that reaches the branch. An update passes dozens of
 * branches on its way to its handler (the features, in order), and those Composers were an eighth
 * of the bot's allocations under load (bench/inbound.ts). Here a branch calls the middleware it
 * chose directly. Same order, same semantics: the chosen side is looked up when the update
 * arrives, so middleware added to a branch after it was made (`composer.on(…).filter(…)`) is seen.
 */
import { Composer, type Context, type Middleware, type MiddlewareFn } from "grammy";

type MaybePromise<T> = T | Promise<T>;
type MaybeArray<T> = T | T[];

const pass: MiddlewareFn<Context> = (_ctx, next) => next();

export class BotComposer<C extends Context> extends Composer<C> {
  override filter<D extends C>(predicate: (ctx: C) => ctx is D, ...middleware: Array<Middleware<D>>): BotComposer<D>;
  override filter(predicate: (ctx: C) => MaybePromise<boolean>, ...middleware: Array<Middleware<C>>): BotComposer<C>;
  override filter(predicate: (ctx: C) => MaybePromise<boolean>, ...middleware: Array<Middleware<C>>): BotComposer<C> {
    const composer = new BotComposer<C>(...middleware);
    this.branch(predicate, composer, pass);
    return composer;
  }

  override branch(
    predicate: (ctx: C) => MaybePromise<boolean>,
    trueMiddleware: MaybeArray<Middleware<C>>,
    falseMiddleware: MaybeArray<Middleware<C>>,
  ): Composer<C> {
    // A Composer made once: it calls each composer's current middleware() on every update.
    const onTrue = new Composer<C>(...[trueMiddleware].flat()).middleware();
    const onFalse = new Composer<C>(...[falseMiddleware].flat()).middleware();
    return this.use(async (ctx, next) => ((await predicate(ctx)) ? onTrue : onFalse)(ctx, next));
  }
}
