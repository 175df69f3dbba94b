// Infrastructure as code: Kubernetes manifests (K8S), IAM policy documents (IAM), Terraform (TF) and
// CloudFormation (CFN). Each family lives in its own folder with its scanner and one file per rule.
