# syntax=docker/dockerfile:1
#
# Quire's web app (Next.js): the document list and the editor. It reads QUIRE_SERVER_URL, the
# collaboration server's public URL, at request time, so one image serves any domain.
# Build from the repository root:  docker build -f docker/web.Dockerfile -t quire-web .
# docker/compose.yml builds and runs it; docs/self-hosting.md is the guide.
#
# apps/docker-e2e performs these steps outside Docker in CI (a chroot of the build machine's own
# Debian and Node.js), so keep each RUN a plain command that also runs there.

# ---- build: the same first steps as server.Dockerfile, so Docker builds them once for both ----
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
# Standalone output (apps/web/next.config.mjs): the server and the node_modules files it uses.
ENV QUIRE_WEB_OUTPUT=standalone
RUN npx nx run web:build --outputStyle=static

# ---- runtime: production files only, run as the unprivileged `node` user ----
FROM node:22-slim
LABEL org.opencontainers.image.title="Quire web app" \
      org.opencontainers.image.description="Web app of Quire, the self-hostable collaborative editor" \
      org.opencontainers.image.licenses="MIT" \
      org.opencontainers.image.documentation="docs/self-hosting.md"
# HOSTNAME: Docker sets it to the container's id, and Next.js would listen on that address only.
ENV NODE_ENV=production PORT=3000 HOSTNAME=0.0.0.0 NEXT_TELEMETRY_DISABLED=1
WORKDIR /app
# The standalone folder keeps the repository's layout (apps/web/server.js); static assets are not
# part of it. The files stay root's: the web app writes nothing.
COPY --from=build /app/apps/web/.next/standalone ./
COPY --from=build /app/apps/web/.next/static ./apps/web/.next/static
# The service worker and the update worker (public/sw.js, public/update-worker.js), built after `next build`.
COPY --from=build /app/apps/web/public ./apps/web/public
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=5s --start-period=20s --retries=3 \
    CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
STOPSIGNAL SIGTERM
CMD ["node", "apps/web/server.js"]
