import { ConfigError } from './config-error';

/** S3-compatible object storage for uploaded files (README, "Configuration"). */
export interface S3Config {
  readonly bucket: string;
  /** Another service than AWS (MinIO, Ceph, R2, …); unset, AWS's endpoint for the region. */
  readonly endpoint: string | undefined;
  readonly region: string;
  /** Unset, the SDK's own chain finds them (AWS_ACCESS_KEY_ID, an instance role, …). */
  readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string } | undefined;
  /** `bucket` in the path rather than the host name, as most services but AWS want. */
  readonly forcePathStyle: boolean;
}

/** The S3 settings as the environment schema parsed them. */
export interface S3Environment {
  readonly S3_BUCKET?: string;
  readonly S3_ENDPOINT?: string;
  readonly S3_REGION?: string;
  readonly S3_ACCESS_KEY_ID?: string;
  readonly S3_SECRET_ACCESS_KEY?: string;
  readonly S3_FORCE_PATH_STYLE: boolean;
}

/**
 * The S3 configuration, or undefined when `S3_BUCKET` is unset (files then go to DATA_DIR).
 * Refuses half a configuration: another S3 setting without a bucket would otherwise be ignored
 * silently, and files would land on local disk where the operator did not expect them.
 */
export function parseS3Config(env: S3Environment): S3Config | undefined {
  const bucket = env.S3_BUCKET || undefined;
  const given = (['S3_ENDPOINT', 'S3_REGION', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const).filter((name) => env[name]);
  if (!bucket) {
    if (given.length > 0) throw new ConfigError(`Invalid configuration:\n  S3_BUCKET: required when ${given.join(', ')} is set (or unset them to keep files in DATA_DIR)`);
    return undefined;
  }
  if (Boolean(env.S3_ACCESS_KEY_ID) !== Boolean(env.S3_SECRET_ACCESS_KEY)) {
    throw new ConfigError('Invalid configuration:\n  S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY: set both, or neither (the SDK then finds credentials itself)');
  }
  const endpoint = env.S3_ENDPOINT || undefined;
  if (endpoint !== undefined && !/^https?:\/\/[^/]/.test(endpoint)) {
    throw new ConfigError(`Invalid configuration:\n  S3_ENDPOINT=${JSON.stringify(endpoint)}: expected a URL like https://s3.example.com or http://minio:9000`);
  }
  return {
    bucket,
    endpoint,
    region: env.S3_REGION || 'us-east-1',
    credentials: env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY ? { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY } : undefined,
    forcePathStyle: env.S3_FORCE_PATH_STYLE,
  };
}
