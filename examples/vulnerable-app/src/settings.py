import os

# Good: read from the environment.
API_KEY = os.environ["BILLING_API_KEY"]

# Bad: a hard-coded password (made up for this demo).
SMTP_PASSWORD = "t9Lq2-Demo-Wx8vRk4Np"
