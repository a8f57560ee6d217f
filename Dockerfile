# syntax=docker/dockerfile:1
# Peygir: one image, SQLite on a volume by default, PostgreSQL when DATABASE_URL says so.
# It runs the bot (the default command) and every management command: `peygir` is on the PATH
# and runs the compiled dist/ (bin/peygir.js uses the TypeScript sources only where they exist).
#   docker run --rm -v peygir-data:/data -v "$PWD/pardis.yaml:/in/pardis.yaml:ro" peygir peygir import /in/pardis.yaml
#   docker exec peygir peygir publish --meeting 1405-08
# Node: the current LTS line (26, Active LTS since 2026-10-28; 24 is in maintenance). The code supports Node >= 20.11 (package.json "engines").
ARG NODE_IMAGE=node:26-bookworm-slim

# ── build: compile the native SQLite module and the TypeScript sources ──
FROM ${NODE_IMAGE} AS build
WORKDIR /app
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ ca-certificates \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
COPY prisma ./prisma
COPY prisma.config.ts ./
# Only the install scripts we need, whatever npm the image has: the native SQLite module and
# esbuild (for tsx). Prisma's engine download is never run: the clients are generated offline
# (engineType "client", "js" schema engine), as package.json's postinstall does on a developer's machine.
RUN npm ci --ignore-scripts --no-audit --no-fund \
 && npm rebuild better-sqlite3 esbuild \
 && npm run db:generate
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY locales ./locales
COPY bin ./bin
# The committee file the sandbox imports (`peygir sandbox`), a part of the product.
COPY fixtures ./fixtures
RUN npm run build \
 && npm prune --omit=dev --no-audit --no-fund

# ── runtime ──
FROM ${NODE_IMAGE}
# The young generation's size (src/shared/heap.ts): a flag V8 reads only when the process starts.
ENV NODE_ENV=production \
    NODE_OPTIONS=--max-semi-space-size=32 \
    DATABASE_URL=file:/data/peygir.db \
    HTTP_PORT=8080 \
    CHECKPOINT_DISABLE=1
WORKDIR /app
RUN apt-get update \
 && apt-get install -y --no-install-recommends tini ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && mkdir -p /data && chown node:node /data
COPY --from=build --chown=node:node /app/package.json /app/package-lock.json /app/prisma.config.ts ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/prisma ./prisma
COPY --from=build --chown=node:node /app/dist ./dist
COPY --from=build --chown=node:node /app/locales ./locales
COPY --from=build --chown=node:node /app/bin ./bin
COPY --from=build --chown=node:node /app/fixtures ./fixtures
# `peygir …` from any directory, for `docker run … peygir import` and `docker exec … peygir publish`.
RUN chmod 755 /app/bin/peygir.js && ln -s /app/bin/peygir.js /usr/local/bin/peygir
USER node
VOLUME ["/data"]
EXPOSE 8080
# Migrations run at every start (idempotent); the health check also proves the database answers.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.HTTP_PORT||8080)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# tini forwards SIGTERM so the bot stops in order (finishes updates and sends in flight).
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["peygir", "start"]
