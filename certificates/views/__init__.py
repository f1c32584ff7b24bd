"""The certificate pages: public (verification, credentials, keys, status lists), the
holder's downloads, a cohort's certificates for its trainers, a country's for its NSG."""
