# zhengjian: one image for the api and the worker (the command picks the app). Multi-stage: the build stage has the
# dev dependencies and compiles; the runtime stage keeps production dependencies and dist/ only.
# .npmrc sets onnxruntime-node-install=skip: the CPU runtime ships inside the package, no GPU download at install.

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY apps ./apps
COPY libs ./libs
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
USER node
EXPOSE 3000 3001
# Overridden per service in docker-compose.yml (worker: node dist/apps/worker/src/main.js).
CMD ["node", "dist/apps/api/src/main.js"]
