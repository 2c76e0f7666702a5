terraform {
  required_version = ">= 1.5"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.0"
    }
  }
}

# The account and region the service was validated for. allowed_account_ids
# stops an apply with credentials of any other account.
provider "aws" {
  region              = "${{ values.region }}"
  allowed_account_ids = ["${{ values.accountId }}"]
}
