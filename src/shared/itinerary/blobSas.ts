import {
  type BlobSASSignatureValues,
  type BlobServiceClient,
  generateBlobSASQueryParameters,
  StorageSharedKeyCredential,
} from '@azure/storage-blob';

/**
 * A SAS query string for `values` (with `startsOn` and `expiresOn` set): a service SAS signed with the
 * account key where the client has one (Azurite, key-based accounts), else a user delegation SAS from
 * the app identity (Azure, where shared keys are off).
 */
export async function blobSasQuery(
  service: BlobServiceClient,
  values: BlobSASSignatureValues & { startsOn: Date; expiresOn: Date },
): Promise<string> {
  const credential = service.credential;
  const query =
    credential instanceof StorageSharedKeyCredential
      ? generateBlobSASQueryParameters(values, credential)
      : generateBlobSASQueryParameters(
          values,
          await service.getUserDelegationKey(values.startsOn, values.expiresOn),
          service.accountName,
        );
  return query.toString();
}
