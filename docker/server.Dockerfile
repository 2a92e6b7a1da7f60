# syntax=docker/dockerfile:1
#
# Quire's collaboration server: the y-websocket endpoint (/collab), /api, /health and /metrics.
# Build from the repository root:  docker build -f docker/server.Dockerfile -t quire-server .
# docker/compose.yml builds and runs it; docs/self-hosting.md is the guide.
#
# apps/docker-e2e performs these steps outside Docker in CI (a chroot of the build machine's own
# Debian and Node.js), so keep each RUN a plain command that also runs there.

# ---- build: install the workspace, compile the server, keep only the files it loads ----
FROM node:22-slim AS build
# better-sqlite3 is a native module: npm compiles it when no prebuilt binary fits the platform.
RUN apt-get update \
    && apt-get install -y --no-install-recommends python3 make g++ \
    && rm -rf /var/lib/apt/lists/*
# The lockfile and package.json's allowScripts (which install scripts may run) are npm 11's;
# the Node.js 22 image ships npm 10.
RUN npm install -g npm@11
ENV NEXT_TELEMETRY_DISABLED=1 NX_DAEMON=false NX_NO_CLOUD=true
WORKDIR /app
COPY . .
RUN npm ci --no-audit --no-fund
RUN npx nx run server:build --outputStyle=static
# The server and exactly the files it loads (node_modules included), as Next.js's standalone
# output does for the web app: a few tens of MB instead of the workspace's every dependency.
RUN node docker/server-standalone.mjs dist/server-standalone

# ---- runtime: production files only, run as the unprivileged `node` user ----
FROM node:22-slim
LABEL org.opencontainers.image.title="Quire collaboration server" \
      org.opencontainers.image.description="Real-time collaboration server of Quire, the self-hostable collaborative editor" \
      org.opencontainers.image.licenses="MIT" \
      org.opencontainers.image.documentation="docs/self-hosting.md"
# No secret here: AUTH_SECRET and DATABASE_URL come from the environment at run time.
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000 DATA_DIR=/data
WORKDIR /app
COPY --from=build /app/dist/server-standalone ./
# The SQLite database and the generated secrets live in /data: mount a volume there. Only the
# server's user may write it; the application files stay root's, read-only to the server.
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 4000
# Readiness: 503 while the database is unreachable or the server is stopping.
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
    CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# SIGTERM is a graceful stop: the server stops accepting, stores what it holds and closes sockets
# with 1001 so that clients reconnect (within 10 s; compose allows 15 s before SIGKILL).
STOPSIGNAL SIGTERM
# Young-generation semi-spaces of 4 MB instead of V8's 16 MB: start-up alone grows them to 16 MB,
# which then stays resident; 4 MB took 33 MiB off the peak RSS of the multi-document benchmark for
# about 2% more CPU (apps/bench-peers/README.md, "Memory (issue 24, item 5)").
CMD ["node", "--max-semi-space-size=4", "apps/server/dist/main.js"]
