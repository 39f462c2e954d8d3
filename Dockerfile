# syntax=docker/dockerfile:1
# The application image: compiled from source, production dependencies only, run as a non-root user.
#   docker build -t improvement-plan-tracker .
#   docker run -p 3000:3000 -e EVENT_STORE_URL='kurrentdb://host:2113?tls=false' improvement-plan-tracker
# Without EVENT_STORE_URL events go to the embedded SQLite store in /data (mount a volume there).
ARG NODE_VERSION=22

# Production dependencies. better-sqlite3 fetches or compiles its native addon here (this full
# image has python3, make and g++); the KurrentDB client's native bridge is a per-platform npm package.
FROM node:${NODE_VERSION}-bookworm AS dependencies
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# Compile TypeScript with the development dependencies, which stay in this stage.
FROM node:${NODE_VERSION}-bookworm AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

# Same Debian (glibc) as the stages above, so the native addons match; the node user is uid 1000.
FROM node:${NODE_VERSION}-bookworm-slim AS runtime
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 DATA_DIR=/data
WORKDIR /app
COPY package.json ./
COPY --from=dependencies /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The pages' templates and assets are read at run time from src/web (GOV.UK Frontend's from node_modules).
COPY src/web/views ./src/web/views
COPY src/web/public ./src/web/public
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/health/ready`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/main.js"]
