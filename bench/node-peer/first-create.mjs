// The Node.js peer: what aws-cdk's AwsCustomResource runs, reduced to the same first call.
// Region, credentials and endpoint (AWS_ENDPOINT_URL, the local stand-in) come from the environment,
// as they do for the Java handler. Usage: node first-create.mjs [--list-first] <host-name>
import { readFileSync } from 'node:fs';
import {
  CodeStarConnectionsClient,
  CreateHostCommand,
  ListHostsCommand,
} from '@aws-sdk/client-codestar-connections';

const listFirst = process.argv.includes('--list-first');
const name = process.argv.slice(2).find((a) => !a.startsWith('--'));
const client = new CodeStarConnectionsClient({});
// The SDK for JavaScript sends the short X-Amz-Target prefix (CodeStar_connections_20191201), the
// SDK for Java the model's long one; the service takes both, the test stand-in only the long one.
client.middlewareStack.add(
  (next) => (args) => {
    const h = args.request.headers;
    if (h['x-amz-target'] && !h['x-amz-target'].startsWith('com.amazonaws.')) {
      h['x-amz-target'] = `com.amazonaws.codestar.connections.${h['x-amz-target']}`;
    }
    return next(args);
  },
  { step: 'build', name: 'standInTargetPrefix' },
);
if (listFirst) {
  // The Java handler lists hosts before it creates one (idempotent retries); this variant does too.
  await client.send(new ListHostsCommand({}));
}
const out = await client.send(
  new CreateHostCommand({
    Name: name,
    ProviderType: 'GitHubEnterpriseServer',
    ProviderEndpoint: `https://${name}.example.com`,
    Tags: [{ Key: 'team', Value: 'platform' }],
  }),
);
console.log(`ANSWERED ${out.HostArn}`);
const hwm = readFileSync('/proc/self/status', 'utf8').match(/VmHWM:\s+(\d+)/);
console.log(`RSS-KB ${hwm ? hwm[1] : -1}`);
process.exit(0);
