import { describe, expect, it } from 'vitest';
import { checkProvisioning, matchesVersion, provisioningStep } from './provisioning';

describe('provisioningStep', () => {
  it('recognises apt-get installs and a global npm, and nothing mixed with other commands', () => {
    expect(provisioningStep('apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*')).toEqual({
      kind: 'apt',
      packages: ['python3', 'make', 'g++'],
    });
    expect(provisioningStep('npm install -g npm@11')).toEqual({ kind: 'npm', version: '11' });
    expect(provisioningStep('apt-get install -y make && npm ci')).toBeUndefined();
    expect(provisioningStep('npm ci --no-audit')).toBeUndefined();
    expect(provisioningStep('mkdir -p /data && chown node:node /data')).toBeUndefined();
  });
});

describe('checkProvisioning', () => {
  it('passes for packages this machine has and names the ones it lacks', async () => {
    await expect(checkProvisioning({ kind: 'apt', packages: ['coreutils'] })).resolves.toBeUndefined();
    await expect(checkProvisioning({ kind: 'apt', packages: ['coreutils', 'no-such-package-quire'] })).rejects.toThrow(
      'apt-get install no-such-package-quire',
    );
  });

  it('compares npm versions the way npm@<range> would pick them', () => {
    expect(matchesVersion('11.19.1', '11')).toBe(true);
    expect(matchesVersion('11.19.1', '11.19')).toBe(true);
    expect(matchesVersion('10.9.2', '11')).toBe(false);
    expect(matchesVersion('11.1.0', '11.19')).toBe(false);
  });
});
