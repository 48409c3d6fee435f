"""Built-in examples for the dashboard: three ML-engineer postings and one resume.

They are invented for skillgap (no real company or person) so a newcomer can press Analyze at once.
"""

from __future__ import annotations

EXAMPLE_POSTINGS: dict[str, str] = {
    "ML Engineer, computer vision": """\
Machine Learning Engineer, Computer Vision

About the team
We build the perception models behind a fleet of warehouse robots.

Requirements
- 3+ years of Python and solid software engineering habits (unit tests, code review, Git)
- Deep learning with PyTorch: training CNNs for image classification and object detection
- Experience with OpenCV and data augmentation on real, messy image datasets
- Linear algebra, probability and statistics at the level needed to debug a model
- Docker and Linux

Nice to have
- Image segmentation, model compression or TensorRT for edge devices
- Experience with AWS and MLflow
""",
    "ML Engineer, NLP platform": """\
ML Engineer, NLP Platform

What you will do
Fine-tune and ship language models that classify and route customer messages.

Must have
- Strong Python, pandas and NumPy
- Hands-on NLP: transformers, fine-tuning with Hugging Face, text classification
- Machine learning fundamentals: cross-validation, evaluation metrics, feature engineering
- Building REST APIs with FastAPI or Flask
- SQL

Preferred
- Named entity recognition, vector databases, LLM evaluation
- Kubernetes and GCP
- Clear written communication
""",
    "MLOps engineer": """\
MLOps Engineer

Responsibilities
Own the path from a trained model to a monitored service in production.

Requirements
- Python and 2+ years of Docker and Kubernetes
- CI/CD pipelines and infrastructure as code with Terraform
- Model serving, model versioning and model monitoring
- Workflow orchestration with Airflow; MLflow for experiment tracking
- One cloud in depth: AWS, GCP or Azure

Bonus
- Prometheus and Grafana, Kafka, distributed training with Ray
- Collaboration with data scientists and mentoring
""",
}

EXAMPLE_RESUME = """\
Alex Example
Data analyst moving into machine learning engineering

Summary
Analyst with four years of Python and SQL, now building ML projects.

Experience
Data Analyst, Example Retail Co. (2020-2024)
- Built sales forecasting reports in Python with pandas and NumPy
- Wrote SQL pipelines and dashboards in Tableau
- Trained scikit-learn models for churn prediction with cross-validation

Projects
- Image classifier: fine-tuned a small CNN in PyTorch on a flowers dataset
- Put a model behind a Flask API and packaged it with Docker

Education
BSc Mathematics: linear algebra, calculus, probability, statistics

Skills
Python, SQL, pandas, NumPy, scikit-learn, PyTorch, Git, Linux, Tableau
"""
