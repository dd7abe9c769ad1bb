# The image `jobsim mc --emit-job` runs on a cluster (one shard per pod):
#   docker build -t jobsim:0.1.0 .      (then push it where the cluster can pull it, or pass --image)
FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY src ./src
COPY bench ./bench
RUN npm run build

FROM node:20-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
RUN ln -s /app/dist/src/cli/main.js /usr/local/bin/jobsim && chmod +x /app/dist/src/cli/main.js
USER node
ENTRYPOINT []
CMD ["jobsim", "--help"]
