variable "execution_role_arn" {
  description = "Task execution role of the service (unchanged by the migration)."
  type        = string
}

variable "task_role_arn" {
  description = "Task role of the service. It no longer needs appmesh:StreamAggregatedResources."
  type        = string
  default     = null
}
{% if values.networkMode == 'awsvpc' %}

variable "subnet_ids" {
  description = "The service's current subnets."
  type        = list(string)
}

variable "security_group_ids" {
  description = "The service's current security groups."
  type        = list(string)
}
{% endif %}
