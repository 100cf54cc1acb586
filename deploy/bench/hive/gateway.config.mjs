// Hive Gateway settings for the benchmark: its defaults, plus the caller's Authorization header forwarded to
// every subgraph request. The supergraph file and port are given on the command line by bench.mjs.
import { defineConfig } from '@graphql-hive/gateway';

export const gatewayConfig = defineConfig({
  propagateHeaders: {
    fromClientToSubgraphs({ request }) {
      const authorization = request.headers.get('authorization');
      return authorization ? { authorization } : {};
    },
  },
});
